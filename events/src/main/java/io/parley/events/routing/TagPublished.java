package io.parley.events.routing;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The current snapshot of a tag, as the widget's Tag Directory shows it. */
@EventType("routing.tag-published")
public record TagPublished(
        String tagId,
        String name,
        @Nullable String description,
        @Nullable String photoUrl,
        @Nullable String destinationId,
        Instant updatedAt)
        implements DestinationEvent {

    public TagPublished {
        Objects.requireNonNull(tagId, "tagId");
        Objects.requireNonNull(name, "name");
    }
}
