package io.parley.ingest.media;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.parley.events.AttachmentRef;
import io.parley.events.EventIds;
import java.time.Clock;
import java.util.Optional;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps customers' files, one document each, and names them with a reference events can carry. Connectors
 * store a file as soon as they have its bytes (platform media URLs expire) and put the returned
 * {@link AttachmentRef} on the inbound message.
 */
@Component
public class MediaStore {

    /** How events and API answers refer to a kept file; the id follows. */
    public static final String REF_PREFIX = "parley://channel-ingest/media/";

    private final MongoCollection<StoredMedia> collection;
    private final MediaSettings settings;
    private final Clock clock;

    MediaStore(MongoDatabase database, MediaSettings settings, Clock clock) {
        this.collection = database.getCollection("media", StoredMedia.class);
        this.settings = settings;
        this.clock = clock;
    }

    /** The largest file kept, in bytes; fetchers stop reading beyond it. */
    public long maxBytes() {
        return settings.maxSize().toBytes();
    }

    /**
     * Keeps the file and returns its reference.
     *
     * @throws MediaTooLargeException when it is over {@link #maxBytes()}
     */
    public AttachmentRef store(byte[] bytes, String mediaType, @Nullable String fileName) {
        if (bytes.length > maxBytes()) {
            throw new MediaTooLargeException(bytes.length, maxBytes());
        }
        String id = EventIds.next(clock.millis()).toString();
        collection.insertOne(
                new StoredMedia(id, mediaType, fileName, bytes.length, new Binary(bytes), clock.instant()));
        return new AttachmentRef(REF_PREFIX + id, mediaType, fileName, (long) bytes.length);
    }

    public Optional<StoredMedia> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /** The id inside a reference this store gave out, if it is one. */
    public static Optional<String> idOf(String ref) {
        return ref.startsWith(REF_PREFIX) ? Optional.of(ref.substring(REF_PREFIX.length())) : Optional.empty();
    }
}
