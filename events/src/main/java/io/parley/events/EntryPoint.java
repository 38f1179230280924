package io.parley.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a conversation came in: a widget tag, a staff member of the Staff Directory (a direct enquiry), a
 * call-to-action button, a web link or QR code, or a messaging channel account.
 *
 * @param type the kind of entry point
 * @param id the tag, staff member, link or channel account id
 * @param label a human-readable name at the time of entry (tag name, link title), when known
 */
public record EntryPoint(Type type, String id, @Nullable String label) {

    /** The kinds of entry point, as the Open Enquiry panel names them. */
    public enum Type {
        TAG,
        STAFF,
        CTA,
        LINK,
        QR,
        CHANNEL
    }

    public EntryPoint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static EntryPoint of(Type type, String id) {
        return new EntryPoint(type, id, null);
    }

    /** A direct enquiry goes to one staff member only. */
    @JsonIgnore
    public boolean isDirect() {
        return type == Type.STAFF;
    }
}
