package io.parley.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels on a topic: a unique id, the stable type name and version, when it happened,
 * and the event itself. The id and type also travel as record headers ({@link EventHeaders}).
 *
 * @param <E> the topic's event interface
 */
public record Envelope<E>(UUID eventId, String type, int version, Instant occurredAt, E payload) {

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** Wraps an event that happens now, with a fresh id. */
    public static <E> Envelope<E> of(E payload, Clock clock) {
        EventType type = EventCodec.typeOf(payload.getClass());
        Instant now = clock.instant();
        return new Envelope<>(EventIds.next(now.toEpochMilli()), type.value(), type.version(), now, payload);
    }

    /** Wraps an event that happens now, with a fresh id, on the system clock. */
    public static <E> Envelope<E> of(E payload) {
        return of(payload, Clock.systemUTC());
    }
}
