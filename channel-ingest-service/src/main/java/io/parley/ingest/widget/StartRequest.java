package io.parley.ingest.widget;

import org.jspecify.annotations.Nullable;

/** {@code POST /api/widget/{widgetId}/conversations}: where the visitor started, who they say they are, what they wrote. */
record StartRequest(
        @Nullable Entry entry,
        @Nullable Visitor visitor,
        @Nullable String text) {

    /** The entry point the visitor chose; {@code id} is the tag, staff member or link (none for CTA). */
    record Entry(@Nullable Kind type, @Nullable String id) {}

    /** The kinds of entry a widget offers. */
    enum Kind {
        TAG,
        STAFF,
        CTA,
        LINK
    }

    record Visitor(@Nullable String name, @Nullable String email) {}
}
