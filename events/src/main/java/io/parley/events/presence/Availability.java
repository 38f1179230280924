package io.parley.events.presence;

/** A staff member's availability. Only ACTIVE staff are offered enquiries. */
public enum Availability {
    ACTIVE,
    BUSY,
    IDLE,
    OFFLINE
}
