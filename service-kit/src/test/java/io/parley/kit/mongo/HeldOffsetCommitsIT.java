package io.parley.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.parley.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A busy consumer's held offset commits are still made while events keep coming. A listener container commits
 * after each poll; with the store's commit taking a while, such a consumer asks for a commit while nearly every
 * shared flush is running. Each held commit must wait only for a flush that started after it, not for one that
 * starts after the consumer's latest commit.
 */
class HeldOffsetCommitsIT {

    private static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);

    /**
     * The real store commit, then this much more: long enough that a consumer committing after every poll asks
     * again during nearly every flush, as busy consumers of a large store file do.
     */
    private static final long SLOW_COMMIT_MILLIS = 150;

    @Test
    void aConsumerThatCommitsAfterEveryPollHasItsOffsetsCommittedWhileEventsKeepComing() throws Exception {
        String topic = "held-commits-" + UUID.randomUUID();
        String group = topic + "-group";
        TopicPartition partition = new TopicPartition(topic, 0);
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri());
                Admin admin = Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap()));
                DurableBeforeOffsetCommit durable =
                        new DurableBeforeOffsetCommit(slowCommitOf(client), true, FLUSH_INTERVAL)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            AtomicBoolean producing = new AtomicBoolean(true);
            AtomicLong handled = new AtomicLong();
            CompletableFuture<Void> consuming = CompletableFuture.runAsync(
                    () -> consumeCommittingAfterEveryPoll(durable, topic, group, producing, handled));

            long sent = 0;
            List<Long> committedEachSecond = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrap(),
                    ProducerConfig.LINGER_MS_CONFIG,
                    0,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class))) {
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                long nextSample = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                while (System.nanoTime() < end) { // one event every 5 ms: the consumer polls and commits as often
                    producer.send(new ProducerRecord<>(topic, "k", "event " + sent))
                            .get();
                    sent++;
                    Thread.sleep(5); // pacing the load, not waiting for anything
                    if (System.nanoTime() >= nextSample) {
                        committedEachSecond.add(committed(admin, group, partition));
                        nextSample += Duration.ofSeconds(1).toNanos();
                    }
                }
            }
            producing.set(false);
            consuming.get(30, TimeUnit.SECONDS);

            // The committed offset kept moving on, though the consumer never stopped committing: a flush cycle
            // takes ~350 ms, so each second has one; one second without (a stall of a busy machine) is allowed.
            assertThat(committedEachSecond).hasSizeGreaterThanOrEqualTo(4);
            long secondsWithProgress = IntStream.range(1, committedEachSecond.size())
                    .filter(i -> committedEachSecond.get(i) > committedEachSecond.get(i - 1))
                    .count();
            assertThat(secondsWithProgress)
                    .as("seconds in which the committed offset moved on, of the samples %s", committedEachSecond)
                    .isGreaterThanOrEqualTo(committedEachSecond.size() - 2);
            // Closing the consumer made its last held commit.
            assertThat(handled.get()).isEqualTo(sent);
            assertThat(committed(admin, group, partition)).isEqualTo(sent);
        }
    }

    /** Polls, "handles" and commits after every poll, as a listener container does, until production stops. */
    private static void consumeCommittingAfterEveryPoll(
            DurableBeforeOffsetCommit durable,
            String topic,
            String group,
            AtomicBoolean producing,
            AtomicLong handled) {
        try (Consumer<String, String> consumer = durable.wrap(new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class)))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            long idleSince = System.nanoTime();
            while (producing.get()
                    || System.nanoTime() - idleSince < Duration.ofSeconds(2).toNanos()) {
                int count = consumer.poll(Duration.ofMillis(50)).count();
                if (count > 0) {
                    handled.addAndGet(count);
                    idleSince = System.nanoTime();
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(consumer.position(partition))));
                }
            }
        }
    }

    private static Runnable slowCommitOf(MongoClient client) {
        return () -> {
            client.getDatabase("admin").runCommand(new Document("fsync", 1));
            try {
                Thread.sleep(SLOW_COMMIT_MILLIS); // the slowness under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        };
    }

    private static long committed(Admin admin, String group, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS)
                .get(partition);
        return offset == null ? 0 : offset.offset();
    }
}
