package io.parley.ingest.web;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A chat widget a business embeds in its site: which tags its Tag Directory lists, whether it shows the
 * Staff Directory, and the tag its call-to-action button opens an enquiry on (if any).
 */
public record Widget(
        @BsonId String id,
        String name,
        List<String> tagIds,
        boolean staffDirectory,
        @Nullable String callToActionTagId,
        @Nullable String callToActionLabel) {

    public Widget {
        tagIds = List.copyOf(tagIds);
    }
}
