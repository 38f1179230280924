package io.parley.routing.destination;

import io.parley.events.routing.TagPublished;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/** A topic a visitor can pick in the widget's Tag Directory; its destination serves it. */
public record Tag(
        @BsonId String id,
        String name,
        @Nullable String description,
        @Nullable String photoUrl,
        @Nullable String destinationId,
        Instant updatedAt) {

    TagPublished snapshot() {
        return new TagPublished(id, name, description, photoUrl, destinationId, updatedAt);
    }
}
