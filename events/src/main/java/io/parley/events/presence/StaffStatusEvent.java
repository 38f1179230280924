package io.parley.events.presence;

/** Topic {@code presence.staff-status.v1} (compacted, keyed by staff id): availability and capacity of staff. */
public sealed interface StaffStatusEvent permits StaffStatusChanged, StaffRemoved {

    String staffId();
}
