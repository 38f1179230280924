package io.parley.ingest.directory;

import io.parley.events.presence.Availability;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A staff member as presence-service last published them. Available to visitors means ACTIVE and below
 * capacity: the same rule routing uses to offer enquiries.
 */
public record KnownStaff(
        @BsonId String id,
        String name,
        @Nullable String photoUrl,
        Availability status,
        int maxConcurrentChats,
        int activeChats,
        boolean removed,
        Instant updatedAt) {

    public boolean available() {
        return status == Availability.ACTIVE && activeChats < maxConcurrentChats;
    }
}
