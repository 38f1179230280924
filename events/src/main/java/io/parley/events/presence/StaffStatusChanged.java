package io.parley.events.presence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The current snapshot of a staff member's availability and load. A staff member below
 * {@code maxConcurrentChats} active chats and ACTIVE may be offered enquiries.
 */
@EventType("presence.staff-status-changed")
public record StaffStatusChanged(
        String staffId,
        String displayName,
        @Nullable String photoUrl,
        Availability status,
        int maxConcurrentChats,
        int activeChats,
        Instant changedAt)
        implements StaffStatusEvent {

    public StaffStatusChanged {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(status, "status");
    }

    /** Whether this staff member may be offered another enquiry now. */
    @JsonIgnore
    public boolean canTakeMore() {
        return status == Availability.ACTIVE && activeChats < maxConcurrentChats;
    }
}
