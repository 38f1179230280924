package io.parley.kit.kafka;

import io.parley.events.Topic;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A service's interest in one topic: declare it as a bean and the kit runs a consumer for it, with the
 * common error policy (bounded retries, then the topic's dead-letter topic for this consumer group).
 *
 * @param topic the topic to consume
 * @param handler what to do with each event
 * @param batchHandler if not null, what to do with the events of one poll at once (equivalent to {@code
 *     handler} on each in turn; the kit falls back to {@code handler} when it fails)
 * @param group the consumer group; null for the service's own ({@code spring.application.name})
 * @param concurrency how many consumers share the topic's partitions in this instance; {@value
 *     #ONE_PER_PARTITION} for as many as the topic has partitions ({@code parley.kafka.partitions})
 * @param eventTypes the wire type names of the events {@code handler} is given; empty for all of the topic's.
 *     Records of other types are skipped by their type header, without being decoded.
 */
public record EventSubscription<K, E>(
        Topic<K, E> topic,
        EventHandler<K, E> handler,
        @Nullable EventBatchHandler<K, E> batchHandler,
        @Nullable String group,
        int concurrency,
        Set<String> eventTypes) {

    /** The {@code concurrency} of a subscription with a consumer for each of the topic's partitions. */
    public static final int ONE_PER_PARTITION = 0;

    public EventSubscription {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(handler, "handler");
        if (concurrency < ONE_PER_PARTITION) {
            throw new IllegalArgumentException("concurrency must be at least 1, or ONE_PER_PARTITION");
        }
        eventTypes = Set.copyOf(eventTypes);
        for (String type : eventTypes) {
            topic.codec().classOf(type); // throws for a type the topic does not carry
        }
    }

    /** Consumes {@code topic} in the service's own consumer group, one consumer per instance. */
    public static <K, E> EventSubscription<K, E> on(Topic<K, E> topic, EventHandler<K, E> handler) {
        return new EventSubscription<>(topic, handler, null, null, 1, Set.of());
    }

    public EventSubscription<K, E> withConcurrency(int consumers) {
        return new EventSubscription<>(topic, handler, batchHandler, group, consumers, eventTypes);
    }

    /**
     * Hands the events of each poll to {@code batch} at once, for a handler that can do one store write for
     * many events (issue 8's load benchmark: routing's offers, about 70 per new conversation). {@code handler}
     * stays the reference: {@code batch} must leave the same state, and is replaced by it when it fails.
     */
    public EventSubscription<K, E> inBatches(EventBatchHandler<K, E> batch) {
        return new EventSubscription<>(
                topic, handler, Objects.requireNonNull(batch, "batch"), group, concurrency, eventTypes);
    }

    /**
     * A consumer per partition: for a handler that mostly waits (on the store, on a platform), so that events
     * of other keys do not queue behind one; events of one key (one partition) are still handled in order.
     */
    public EventSubscription<K, E> withConsumerPerPartition() {
        return withConcurrency(ONE_PER_PARTITION);
    }

    /**
     * Gives {@code handler} only events of these types; the topic's other records are skipped by the type in
     * their record header, before they are decoded, and counted in {@code parley.events.skipped}. For a
     * subscription that acts on few of a busy topic's types (issue 8: enquiry-service and presence-service
     * act on 1 and 3 of the 6 room event types, and most of {@code chat.room.v1}'s records are messages).
     */
    @SafeVarargs
    public final EventSubscription<K, E> onlyTypes(Class<? extends E>... handled) {
        if (handled.length == 0) {
            throw new IllegalArgumentException("name at least one event type");
        }
        Set<String> types = Arrays.stream(handled).map(topic.codec()::typeName).collect(Collectors.toUnmodifiableSet());
        return new EventSubscription<>(topic, handler, batchHandler, group, concurrency, types);
    }

    /** Whether {@code handler} is given every event type of the topic. */
    public boolean handlesEveryType() {
        return eventTypes.isEmpty();
    }

    public String groupOr(String serviceGroup) {
        return group == null ? serviceGroup : group;
    }
}
