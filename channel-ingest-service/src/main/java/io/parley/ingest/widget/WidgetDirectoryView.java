package io.parley.ingest.widget;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a widget shows a visitor: its tags, its Staff Directory and its call-to-action button (or null). */
record WidgetDirectoryView(
        String id,
        String name,
        List<TagView> tags,
        List<StaffView> staff,
        @Nullable CallToAction callToAction) {

    record TagView(
            String id,
            String name,
            @Nullable String description,
            @Nullable String photoUrl) {}

    record StaffView(String id, String name, @Nullable String photoUrl, boolean available) {}

    record CallToAction(String label, String tagId) {}
}
