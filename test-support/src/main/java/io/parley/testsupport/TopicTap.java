package io.parley.testsupport;

import io.parley.events.Envelope;
import io.parley.events.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Listens to one topic of the test broker from its start, in the background, as another service would,
 * and lets a test wait for the events it expects.
 *
 * @param <K> the topic's key type
 * @param <E> the topic's event interface
 */
public final class TopicTap<K, E> implements AutoCloseable {

    private final List<Envelope<E>> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    private TopicTap(Topic<K, E> topic) {
        reader = Thread.ofPlatform().daemon().name("tap-" + topic.name()).start(() -> {
            try (KafkaConsumer<K, Envelope<E>> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestInfrastructure.kafkaBootstrap(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "tap-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"),
                    topic.keySerde().deserializer(),
                    topic.valueSerde().deserializer())) {
                consumer.subscribe(List.of(topic.name()));
                while (open) {
                    consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                        if (record.value() != null) {
                            events.add(record.value());
                        }
                    });
                }
            }
        });
    }

    public static <K, E> TopicTap<K, E> on(Topic<K, E> topic) {
        return new TopicTap<>(topic);
    }

    /** Every envelope seen so far, in the order read. */
    public List<Envelope<E>> envelopes() {
        return List.copyOf(events);
    }

    /** Every event seen so far whose payload matches. */
    public <T extends E> List<T> seen(Class<T> type, Predicate<T> matching) {
        return events.stream()
                .map(Envelope::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(matching)
                .toList();
    }

    /** Waits (up to 20 s) for the first event of this type that matches, and returns it. */
    public <T extends E> T await(Class<T> type, Predicate<T> matching) {
        return await(type, matching, Duration.ofSeconds(20));
    }

    public <T extends E> T await(Class<T> type, Predicate<T> matching, Duration within) {
        return org.awaitility.Awaitility.await()
                .atMost(within)
                .until(() -> seen(type, matching), found -> !found.isEmpty())
                .getFirst();
    }

    @Override
    public void close() {
        open = false;
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
