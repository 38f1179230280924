package io.parley.events;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A file that belongs to a message, by reference: events never carry file bytes.
 *
 * @param ref where the bytes are, e.g. {@code parley://channel-ingest/media/123} once fetched, or the
 *     platform's media reference before
 * @param mediaType the content type, as checked from the content where possible
 * @param fileName the original file name, when there is one
 * @param sizeBytes the size, when known
 */
public record AttachmentRef(
        String ref,
        String mediaType,
        @Nullable String fileName,
        @Nullable Long sizeBytes) {

    public AttachmentRef {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
