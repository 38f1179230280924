package io.parley.events.enquiry;

import java.util.Objects;

/** Whom a chat is transferred to: one staff member, or whoever serves a tag. */
public record TransferTarget(Kind kind, String id) {

    /** Kinds of transfer target. */
    public enum Kind {
        STAFF,
        TAG
    }

    public TransferTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }
}
