package io.parley.presence.staff;

/** What a staff member may do: ADMIN manages the suite, SUPERVISOR oversees rooms, STAFF serves enquiries. */
public enum Role {
    ADMIN,
    SUPERVISOR,
    STAFF
}
