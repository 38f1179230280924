package io.parley.events;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the envelopes of one topic's sealed event interface. The mapping between wire type
 * names and records is taken from the interface's permitted records and their {@link EventType}, so a
 * new record is on the wire as soon as it is permitted, and two records can never share a name.
 *
 * <p>Wire form: {@code {"eventId":…,"type":"enquiry.accepted","version":1,"occurredAt":"…Z","payload":{…}}}.
 *
 * @param <E> the sealed event interface of a topic
 */
public final class EventCodec<E> {

    private final Class<E> eventInterface;
    private final Map<String, Class<? extends E>> classesByType;
    private final JsonMapper mapper = EventJson.mapper();

    private EventCodec(Class<E> eventInterface) {
        if (!eventInterface.isSealed()) {
            throw new IllegalArgumentException(eventInterface + " must be a sealed interface");
        }
        this.eventInterface = eventInterface;
        Map<String, Class<? extends E>> byType = new LinkedHashMap<>();
        for (Class<?> permitted : eventInterface.getPermittedSubclasses()) {
            if (!permitted.isRecord()) {
                throw new IllegalArgumentException(permitted + " must be a record");
            }
            String type = typeOf(permitted).value();
            Class<? extends E> previous = byType.put(type, permitted.asSubclass(eventInterface));
            if (previous != null) {
                throw new IllegalArgumentException(
                        "Event type '" + type + "' is used by both " + previous + " and " + permitted);
            }
        }
        this.classesByType = Map.copyOf(byType);
    }

    public static <E> EventCodec<E> of(Class<E> eventInterface) {
        return new EventCodec<>(eventInterface);
    }

    static EventType typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass + " has no @EventType");
        }
        return type;
    }

    public Class<E> eventInterface() {
        return eventInterface;
    }

    /** Every wire type name this topic can carry. */
    public Set<String> typeNames() {
        return classesByType.keySet();
    }

    /** The record class behind a wire type name. */
    public Class<? extends E> classOf(String type) {
        Class<? extends E> eventClass = classesByType.get(type);
        if (eventClass == null) {
            throw new UnknownEventTypeException(eventInterface.getSimpleName(), type);
        }
        return eventClass;
    }

    public byte[] encode(Envelope<? extends E> envelope) {
        if (!eventInterface.isInstance(envelope.payload())) {
            throw new IllegalArgumentException(
                    envelope.payload().getClass() + " is not a " + eventInterface.getSimpleName());
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("eventId", envelope.eventId().toString());
        node.put("type", envelope.type());
        node.put("version", envelope.version());
        node.put("occurredAt", envelope.occurredAt().toString());
        node.set("payload", mapper.valueToTree(envelope.payload()));
        return mapper.writeValueAsBytes(node);
    }

    /**
     * Reads an envelope.
     *
     * @throws UnknownEventTypeException when the type is not one of this topic's
     * @throws MalformedEventException when the bytes are not a well-formed envelope
     */
    public Envelope<E> decode(String topic, byte[] bytes) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw new MalformedEventException(topic, "not JSON: " + e.getOriginalMessage(), e);
        }
        String type = text(topic, node, "type");
        Class<? extends E> eventClass = classesByType.get(type);
        if (eventClass == null) {
            throw new UnknownEventTypeException(topic, type);
        }
        JsonNode payload = node.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new MalformedEventException(topic, "no payload object", null);
        }
        try {
            E event = mapper.treeToValue(payload, eventClass);
            return new Envelope<>(
                    UUID.fromString(text(topic, node, "eventId")),
                    type,
                    node.path("version").asInt(1),
                    java.time.Instant.parse(text(topic, node, "occurredAt")),
                    event);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException(topic, type + ": " + e.getMessage(), e);
        }
    }

    private static String text(String topic, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new MalformedEventException(topic, "missing '" + field + "'", null);
        }
        return value.asString();
    }

    @Override
    public String toString() {
        return "EventCodec" + Arrays.toString(classesByType.keySet().toArray());
    }
}
