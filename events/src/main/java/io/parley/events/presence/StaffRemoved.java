package io.parley.events.presence;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** A staff account was deleted; their offers are withdrawn. */
@EventType("presence.staff-removed")
public record StaffRemoved(String staffId, Instant removedAt) implements StaffStatusEvent {

    public StaffRemoved {
        Objects.requireNonNull(staffId, "staffId");
    }
}
