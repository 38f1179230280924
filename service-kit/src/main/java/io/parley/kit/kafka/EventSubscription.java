package io.parley.kit.kafka;

import io.parley.events.Topic;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A service's interest in one topic: declare it as a bean and the kit runs a consumer for it, with the
 * common error policy (bounded retries, then the topic's dead-letter topic for this consumer group).
 *
 * @param topic the topic to consume
 * @param handler what to do with each event
 * @param group the consumer group; null for the service's own ({@code spring.application.name})
 * @param concurrency how many consumers share the topic's partitions in this instance
 */
public record EventSubscription<K, E>(
        Topic<K, E> topic,
        EventHandler<K, E> handler,
        @Nullable String group,
        int concurrency) {

    public EventSubscription {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(handler, "handler");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /** Consumes {@code topic} in the service's own consumer group, one consumer per instance. */
    public static <K, E> EventSubscription<K, E> on(Topic<K, E> topic, EventHandler<K, E> handler) {
        return new EventSubscription<>(topic, handler, null, 1);
    }

    public EventSubscription<K, E> withConcurrency(int consumers) {
        return new EventSubscription<>(topic, handler, group, consumers);
    }

    public String groupOr(String serviceGroup) {
        return group == null ? serviceGroup : group;
    }
}
