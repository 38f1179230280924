package io.parley.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

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
    /** Readers for one payload inside a larger document: what follows the payload is the envelope's. */
    private final Map<Class<?>, ObjectReader> readers = new java.util.concurrent.ConcurrentHashMap<>();

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

    /** The wire type name of one of this topic's records. */
    public String typeName(Class<? extends E> eventClass) {
        String type = typeOf(eventClass).value();
        if (classesByType.get(type) != eventClass) {
            throw new IllegalArgumentException(eventClass + " is not an event of " + eventInterface.getSimpleName());
        }
        return type;
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
        return mapper.writeValueAsBytes(new WireEnvelope(
                envelope.eventId().toString(),
                envelope.type(),
                envelope.version(),
                envelope.occurredAt().toString(),
                envelope.payload()));
    }

    /** The envelope's field order on the wire: the type comes before the payload, so readers stream it. */
    private record WireEnvelope(String eventId, String type, int version, String occurredAt, Object payload) {}

    /**
     * Reads an envelope.
     *
     * @throws UnknownEventTypeException when the type is not one of this topic's
     * @throws MalformedEventException when the bytes are not a well-formed envelope
     */
    public Envelope<E> decode(String topic, byte[] bytes) {
        String eventId = null;
        String type = null;
        int version = 1;
        String occurredAt = null;
        E event = null;
        try (JsonParser parser = mapper.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException(topic, "not a JSON object", null);
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "version" -> version = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : 1;
                    case "occurredAt" -> occurredAt = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "payload" -> event = readPayload(topic, parser, type);
                    default -> parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new MalformedEventException(topic, "not JSON: " + e.getOriginalMessage(), e);
        }
        if (type == null) {
            throw new MalformedEventException(topic, "missing 'type'", null);
        }
        if (event == null) {
            throw new MalformedEventException(topic, "no payload object", null);
        }
        if (eventId == null || occurredAt == null) {
            throw new MalformedEventException(topic, "missing 'eventId' or 'occurredAt'", null);
        }
        try {
            return new Envelope<>(UUID.fromString(eventId), type, version, Instant.parse(occurredAt), event);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new MalformedEventException(topic, type + ": " + e.getMessage(), e);
        }
    }

    /** Reads the payload in one pass when the type came first (as we write it), else via a tree. */
    private E readPayload(String topic, JsonParser parser, String type) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException(topic, "no payload object", null);
        }
        if (type == null) {
            throw new MalformedEventException(topic, "'payload' before 'type'", null);
        }
        Class<? extends E> eventClass = classesByType.get(type);
        if (eventClass == null) {
            throw new UnknownEventTypeException(topic, type);
        }
        try {
            return readers.computeIfAbsent(
                            eventClass,
                            c -> mapper.readerFor(c).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS))
                    .readValue(parser);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(topic, type + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "EventCodec" + Arrays.toString(classesByType.keySet().toArray());
    }
}
