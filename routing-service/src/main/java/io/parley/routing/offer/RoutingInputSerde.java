package io.parley.routing.offer;

import io.parley.events.Envelope;
import io.parley.events.EventJson;
import io.parley.events.Topic;
import io.parley.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of {@link RoutingInput} on the router's internal topic: {@code {"kind", "key", "event"}},
 * where {@code event} is the original envelope as its own topic writes it.
 */
final class RoutingInputSerde {

    private RoutingInputSerde() {}

    static Serde<RoutingInput> serde() {
        return Serdes.serdeFrom(serializer(), deserializer());
    }

    private static Serializer<RoutingInput> serializer() {
        return (topic, input) -> {
            if (input == null) {
                return null;
            }
            ObjectNode node = EventJson.mapper().createObjectNode();
            switch (input) {
                case RoutingInput.Enquiry enquiry ->
                    write(
                            node,
                            "enquiry",
                            enquiry.event().payload().enquiryId(),
                            Topics.ENQUIRY_LIFECYCLE,
                            enquiry.event());
                case RoutingInput.Staff staff ->
                    write(node, "staff", staff.staffId(), Topics.PRESENCE_STAFF_STATUS, staff.event());
                case RoutingInput.Destination destination ->
                    write(node, "destination", destination.id(), Topics.ROUTING_DESTINATION, destination.event());
            }
            return EventJson.mapper().writeValueAsBytes(node);
        };
    }

    private static <E> void write(ObjectNode node, String kind, String key, Topic<?, E> topic, Envelope<E> envelope) {
        node.put("kind", kind);
        node.put("key", key);
        node.set("event", EventJson.mapper().readTree(topic.codec().encode(envelope)));
    }

    private static Deserializer<RoutingInput> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            JsonNode node = EventJson.mapper().readTree(bytes);
            byte[] event = node.path("event").toString().getBytes(StandardCharsets.UTF_8);
            String key = node.path("key").asString();
            return switch (node.path("kind").asString()) {
                case "enquiry" ->
                    new RoutingInput.Enquiry(Topics.ENQUIRY_LIFECYCLE.codec().decode(topic, event));
                case "staff" ->
                    new RoutingInput.Staff(
                            key, Topics.PRESENCE_STAFF_STATUS.codec().decode(topic, event));
                case "destination" ->
                    new RoutingInput.Destination(
                            key, Topics.ROUTING_DESTINATION.codec().decode(topic, event));
                default -> throw new SerializationException("Unknown routing input kind in " + node);
            };
        };
    }
}
