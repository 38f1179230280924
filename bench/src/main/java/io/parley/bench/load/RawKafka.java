package io.parley.bench.load;

import io.parley.bench.Figures;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The physical limit beside the pipeline: a plain producer ({@code linger.ms=0}, {@code acks=all}) and a
 * consumer on a topic of the benchmark's own, on the suite's broker, at a steady rate; the figure is the
 * time from {@code send} to the consumer's {@code poll} returning the record, both in this JVM.
 */
final class RawKafka {

    private RawKafka() {}

    /** Sends {@code rate} records per second for {@code duration}; records "raw Kafka produce → consume". */
    static void measure(String bootstrap, int rate, Duration duration, int payloadBytes, Figures report, String figure)
            throws Exception {
        String topic = "bench.raw." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        report.histogram(figure);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong received = new AtomicLong();
        AtomicLong assigned = new AtomicLong();
        Thread consumerThread = Thread.ofPlatform().name("bench-raw-consumer").start(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "bench-raw-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                            100,
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false),
                    new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    var records = consumer.poll(Duration.ofMillis(50));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.set(1);
                    }
                    long now = System.nanoTime();
                    records.forEach(record -> {
                        long sent = ByteBuffer.wrap(record.value()).getLong();
                        report.record(figure, (now - sent) / 1000);
                        received.incrementAndGet();
                    });
                }
            }
        });
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (assigned.get() == 0 && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            for (long due = start; due < end; due += interval) {
                long early = due - System.nanoTime();
                if (early > 0) {
                    LockSupport.parkNanos(early);
                }
                byte[] payload = new byte[payloadBytes];
                ByteBuffer.wrap(payload).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, payload));
                sent++;
            }
            producer.flush();
        }
        long drain = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.get() < sent && System.nanoTime() < drain) {
            Thread.sleep(20);
        }
        running.set(false);
        consumerThread.join();
        report.fact("raw Kafka records sent / received", sent + " / " + received.get());
        if (received.get() != sent) {
            report.error("raw Kafka: records not consumed", (sent - received.get()) + " of " + sent);
        }
    }
}
