package io.parley.routing.offer;

import io.parley.events.EventJson;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** JSON serdes for the router's state stores (records, written with the events' JSON configuration). */
final class JsonSerde {

    private JsonSerde() {}

    static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : EventJson.mapper().writeValueAsBytes(value),
                (topic, bytes) -> bytes == null ? null : EventJson.mapper().readValue(bytes, type));
    }
}
