package io.parley.kit.kafka;

import io.parley.events.Envelope;
import java.util.List;

/**
 * Handles the events of one poll of a topic's partition together, in their order, for a handler whose cost is
 * per call rather than per event (one store write for many events). It must leave the same state as handling
 * each event in turn with the subscription's {@link EventHandler}, and tolerate redelivery as that does: when
 * it fails, the kit handles the batch's events one by one with the {@link EventHandler}, so the common error
 * policy applies to the one event that fails.
 */
@FunctionalInterface
public interface EventBatchHandler<K, E> {

    void handle(List<Keyed<K, E>> events) throws Exception;

    /** One event of a batch with its record key. */
    record Keyed<K, E>(K key, Envelope<E> event) {}
}
