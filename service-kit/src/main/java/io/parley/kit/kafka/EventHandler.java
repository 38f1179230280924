package io.parley.kit.kafka;

import io.parley.events.Envelope;

/**
 * Handles one event of a topic. It must tolerate redelivery (a natural idempotent write or a check of the
 * event id): Kafka delivers at least once.
 */
@FunctionalInterface
public interface EventHandler<K, E> {

    void handle(K key, Envelope<E> event) throws Exception;
}
