package io.parley.events.routing;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** A tag was deleted. */
@EventType("routing.tag-removed")
public record TagRemoved(String tagId, Instant removedAt) implements DestinationEvent {

    public TagRemoved {
        Objects.requireNonNull(tagId, "tagId");
    }
}
