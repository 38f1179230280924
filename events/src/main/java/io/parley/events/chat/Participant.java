package io.parley.events.chat;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Someone in a room: the customer or a staff member. */
public record Participant(Role role, String id, @Nullable String name) {

    /** A participant's part in a room. */
    public enum Role {
        CUSTOMER,
        STAFF
    }

    public Participant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
    }
}
