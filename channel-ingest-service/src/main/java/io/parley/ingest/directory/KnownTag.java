package io.parley.ingest.directory;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A tag as routing-service last published it; a removed tag is kept as a tombstone so that an older snapshot
 * delivered late cannot bring it back.
 */
public record KnownTag(
        @BsonId String id,
        String name,
        @Nullable String description,
        @Nullable String photoUrl,
        boolean removed,
        Instant updatedAt) {}
