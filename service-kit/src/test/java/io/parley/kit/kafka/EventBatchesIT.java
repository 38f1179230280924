package io.parley.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.RoutingTimeoutEvent;
import io.parley.kit.testapp.KitTestApplication;
import io.parley.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A subscription {@link EventSubscription#inBatches in batches} on a real broker: the events that wait when a
 * poll comes reach the batch handler together and in order; a failing batch is handled event by event, so
 * only the failing event is retried and dead-lettered; a record that is not an event is dead-lettered while
 * the events around it are handled.
 */
@SpringBootTest(
        classes = {KitTestApplication.class, EventBatchesIT.Subscriptions.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.application.name=" + EventBatchesIT.GROUP,
            "parley.mongo.database=event-batches-it",
            "parley.kafka.retries=2",
            "parley.kafka.retry-backoff=50ms",
            "parley.kafka.max-retry-backoff=100ms"
        })
class EventBatchesIT {

    static final String GROUP = "event-batches-it";
    static final String TOPIC = Topics.ROUTING_TIMEOUT.name();
    static final String DEAD_LETTER_TOPIC = Topics.ROUTING_TIMEOUT.deadLetterTopic(GROUP);
    static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @Autowired
    EventPublisher events;

    @Autowired
    Recorder recorder;

    @Test
    void eventsWaitingForAPollReachTheBatchHandlerTogetherInOrder() throws Exception {
        String key = uniqueKey();
        recorder.holdAt(key + "/gate");
        events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key + "/gate"));
        assertThat(recorder.held.await(30, TimeUnit.SECONDS)).isTrue();

        List<String> published = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // same key, same partition: they queue behind the held batch
            published.add(key + "/" + i);
            events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key + "/" + i));
        }
        recorder.release.countDown();

        await().atMost(KAFKA_WAIT).until(() -> recorder.batchedIdsFor(key), ids -> ids.size() == 21);
        assertThat(recorder.batchedIdsFor(key)).containsExactlyElementsOf(concat(key + "/gate", published));
        // The consumer may have fetched the first of them before the handler held: one or two batches, not 20.
        assertThat(recorder.batchesWithAnyOf(published))
                .as("batches that brought the 20 events that waited")
                .hasSizeLessThanOrEqualTo(2);
        assertThat(recorder.singlesFor(key)).isEmpty();
    }

    @Test
    void aFailingBatchIsHandledEventByEventAndOnlyTheFailingEventIsDeadLettered() {
        String key = uniqueKey();
        String poison = key + "/poison";
        recorder.failAt(poison);

        events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key + "/before"));
        events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(poison));
        events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key + "/after"));

        await().atMost(KAFKA_WAIT).until(() -> recordsWithKey(DEAD_LETTER_TOPIC, key), found -> found.size() == 1);
        await().atMost(KAFKA_WAIT).until(() -> recorder.handledIdsFor(key), ids -> ids.contains(key + "/after"));
        // The poison is handled alone once, then retried twice (parley.kafka.retries=2). When the event before
        // it came in the same poll, the batch error handler commits that one and polls again from the poison at
        // once, without counting that first failure (seen in the logs: no back-off before the second attempt),
        // so the poison is handled once more: 3 or 4 times, never more.
        assertThat(recorder.singlesFor(key))
                .as("the poison handled alone: once, then 2 retries (once more if it shared a poll with 'before')")
                .filteredOn(poison::equals)
                .hasSizeBetween(1 + 2, 1 + 2 + 1);
        assertThat(recorder.handledIdsFor(key)).contains(key + "/before", key + "/after");
        assertThat(new String(recordsWithKey(DEAD_LETTER_TOPIC, key).getFirst().value(), StandardCharsets.UTF_8))
                .contains(poison);
    }

    @Test
    void aRecordThatIsNotAnEventIsDeadLetteredAndTheEventsAroundItAreHandled() throws Exception {
        String key = uniqueKey();
        byte[] poison = "{\"eventId\": not an envelope".getBytes(StandardCharsets.UTF_8);

        events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key + "/before"));
        produceRaw(key, poison);
        events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key + "/after"));

        await().atMost(KAFKA_WAIT).until(() -> recorder.handledIdsFor(key), ids -> ids.contains(key + "/after"));
        assertThat(recorder.handledIdsFor(key)).containsExactly(key + "/before", key + "/after");
        List<ConsumerRecord<byte[], byte[]>> deadLetters =
                await().atMost(KAFKA_WAIT).until(() -> recordsWithKey(DEAD_LETTER_TOPIC, key), f -> !f.isEmpty());
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.getFirst().value()).isEqualTo(poison);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String uniqueKey() {
        return "enq-" + UUID.randomUUID();
    }

    /** An event whose enquiry id says which test event it is ({@code key/name}). */
    private static EnquiryWaitExpired waitExpired(String id) {
        Instant deadline = Instant.parse("2026-11-24T09:01:00Z");
        return new EnquiryWaitExpired(id, new ConversationKey(Channel.LINE, "demo-line", "U" + id), deadline, deadline);
    }

    private static void produceRaw(String key, byte[] value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        try (var producer =
                new KafkaProducer<byte[], byte[]>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key.getBytes(StandardCharsets.UTF_8), value))
                    .get();
        }
    }

    /** Every record of {@code topic} with the key, read from the beginning with a plain consumer. */
    private static List<ConsumerRecord<byte[], byte[]>> recordsWithKey(String topic, String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (var consumer =
                new KafkaConsumer<byte[], byte[]>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (java.util.Arrays.equals(record.key(), keyBytes)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The subscription's two handlers: batches and single events are recorded apart (by the events' enquiry
     * ids); a batch holding the {@code failAt} event fails, as does that event alone; the batch holding the
     * {@code holdAt} event waits until the test releases it.
     */
    static final class Recorder {

        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<String> singles = new CopyOnWriteArrayList<>();
        final Set<String> failAt = ConcurrentHashMap.newKeySet();
        final Set<String> holdAt = ConcurrentHashMap.newKeySet();
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void batch(List<EventBatchHandler.Keyed<String, RoutingTimeoutEvent>> events) throws InterruptedException {
            List<String> ids = events.stream().map(e -> idOf(e.event())).toList();
            if (ids.stream().anyMatch(failAt::contains)) {
                throw new IllegalStateException("this batch fails on purpose");
            }
            batches.add(ids);
            if (ids.stream().anyMatch(holdAt::contains)) {
                held.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
        }

        void single(String key, Envelope<RoutingTimeoutEvent> event) {
            String id = idOf(event);
            singles.add(id);
            if (failAt.contains(id)) {
                throw new IllegalStateException("this event fails on purpose");
            }
        }

        void failAt(String id) {
            failAt.add(id);
        }

        void holdAt(String id) {
            holdAt.add(id);
        }

        List<String> batchedIdsFor(String key) {
            return batches.stream()
                    .flatMap(List::stream)
                    .filter(id -> id.startsWith(key))
                    .toList();
        }

        List<List<String>> batchesWithAnyOf(List<String> ids) {
            return batches.stream()
                    .filter(batch -> batch.stream().anyMatch(ids::contains))
                    .toList();
        }

        List<String> singlesFor(String key) {
            return singles.stream().filter(id -> id.startsWith(key)).toList();
        }

        /** Ids handled successfully, by either handler, in the order they were handled. */
        List<String> handledIdsFor(String key) {
            List<String> handled = new ArrayList<>(batchedIdsFor(key));
            singlesFor(key).stream()
                    .filter(id -> !failAt.contains(id) && !handled.contains(id))
                    .forEach(handled::add);
            return handled;
        }

        private static String idOf(Envelope<RoutingTimeoutEvent> event) {
            return ((EnquiryWaitExpired) event.payload()).enquiryId();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Subscriptions {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        EventSubscription<String, RoutingTimeoutEvent> batchedSubscription(Recorder recorder) {
            return EventSubscription.on(Topics.ROUTING_TIMEOUT, recorder::single)
                    .inBatches(recorder::batch);
        }
    }
}
