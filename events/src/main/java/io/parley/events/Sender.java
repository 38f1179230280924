package io.parley.events;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who wrote a message: the customer, a staff member, or the system (welcome, missed notice, accepted…).
 *
 * @param kind the kind of author
 * @param id the customer's external id or the staff id; null for the system
 * @param name the display name at the time of writing, when known
 */
public record Sender(
        Kind kind, @Nullable String id, @Nullable String name) {

    /** Kinds of message author. */
    public enum Kind {
        CUSTOMER,
        STAFF,
        SYSTEM
    }

    public Sender {
        Objects.requireNonNull(kind, "kind");
    }

    public static Sender system() {
        return new Sender(Kind.SYSTEM, null, null);
    }

    public static Sender staff(String staffId, @Nullable String name) {
        return new Sender(Kind.STAFF, staffId, name);
    }
}
