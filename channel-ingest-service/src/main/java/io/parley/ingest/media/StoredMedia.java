package io.parley.ingest.media;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;

/** One kept file, with what is known about it. */
public record StoredMedia(
        @BsonId String id,
        String mediaType,
        @Nullable String fileName,
        long sizeBytes,
        Binary bytes,
        Instant storedAt) {

    @Override
    public String toString() {
        return "StoredMedia[" + id + ", " + mediaType + ", " + sizeBytes + " bytes]";
    }
}
