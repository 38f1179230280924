package io.parley.kit.kafka;

import io.parley.events.Envelope;
import io.parley.events.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Brings every new event of a topic to this instance, whichever instance's consumer group member owns its
 * partition: for pushing to the sockets this instance holds. It reads all partitions from their end at
 * start, without a consumer group (nothing to rebalance, commit or clean up), and never replays: what a
 * socket missed it reads from the store. A handler failure is logged and the event skipped.
 *
 * <p>{@link #replaying} starts instead with the events of a recent window, for an instance that keeps a view
 * of short-lived state in memory (it rebuilds the view after a restart, then follows the topic).
 *
 * @param <K> the topic's key
 * @param <E> the topic's event interface
 */
public final class EventFanOut<K, E> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventFanOut.class);

    private final Topic<K, E> topic;
    private final String bootstrap;
    private final EventHandler<K, E> handler;
    private final @Nullable Duration replay;
    private volatile @Nullable KafkaConsumer<K, Envelope<E>> consumer;
    private volatile @Nullable Thread reader;
    private volatile boolean running;

    public EventFanOut(Topic<K, E> topic, KafkaSettings settings, EventHandler<K, E> handler) {
        this(topic, settings, handler, null);
    }

    private EventFanOut(
            Topic<K, E> topic, KafkaSettings settings, EventHandler<K, E> handler, @Nullable Duration replay) {
        this.topic = topic;
        this.bootstrap = settings.bootstrap();
        this.handler = handler;
        this.replay = replay;
    }

    /** A fan-out that first hands over the events of the last {@code window}, then every new one. */
    public static <K, E> EventFanOut<K, E> replaying(
            Topic<K, E> topic, KafkaSettings settings, Duration window, EventHandler<K, E> handler) {
        return new EventFanOut<>(topic, settings, handler, window);
    }

    @Override
    public void start() {
        KafkaConsumer<K, Envelope<E>> created = new KafkaConsumer<>(
                // The broker answers a fetch as soon as there is a record, so the default fetch.max.wait.ms only
                // bounds an idle fetch: 50 ms here cost 20 empty fetches a second per fan-out, for no latency.
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
        List<TopicPartition> partitions = created.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        created.assign(partitions);
        created.seekToEnd(partitions);
        if (replay != null) {
            long since = System.currentTimeMillis() - replay.toMillis();
            Map<TopicPartition, Long> times = new HashMap<>();
            partitions.forEach(partition -> times.put(partition, since));
            // a partition with nothing as recent stays at its end
            created.offsetsForTimes(times, Duration.ofSeconds(30)).forEach((partition, found) -> {
                if (found != null) {
                    created.seek(partition, found.offset());
                }
            });
        }
        partitions.forEach(created::position); // fix the start now, before anything is published after it
        consumer = created;
        running = true;
        reader = Thread.ofPlatform().daemon().name("fan-out-" + topic.name()).start(() -> read(created));
    }

    private void read(KafkaConsumer<K, Envelope<E>> source) {
        try {
            while (running) {
                for (ConsumerRecord<K, Envelope<E>> record : source.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        handler.handle(record.key(), record.value());
                    } catch (Exception e) {
                        log.warn(
                                "Fan-out of {} on {} failed: {}", record.value().type(), topic.name(), e.toString());
                    }
                }
            }
        } catch (WakeupException e) {
            // stop() woke us up
        } finally {
            source.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<K, Envelope<E>> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = reader;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
