package io.parley.presence.staff;

/** An account was created or changed (name, photo, roles, capacity): its availability snapshot is re-announced. */
public record StaffAccountSaved(StaffAccount account) {}
