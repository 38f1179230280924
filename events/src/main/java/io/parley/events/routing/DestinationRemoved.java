package io.parley.events.routing;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** A destination was deleted; enquiries it served still end at their deadlines. */
@EventType("routing.destination-removed")
public record DestinationRemoved(String destinationId, Instant removedAt) implements DestinationEvent {

    public DestinationRemoved {
        Objects.requireNonNull(destinationId, "destinationId");
    }
}
