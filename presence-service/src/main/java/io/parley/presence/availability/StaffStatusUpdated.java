package io.parley.presence.availability;

/** A staff member's announced availability changed: their agent sockets get the new status. */
public record StaffStatusUpdated(AvailabilityView status) {}
