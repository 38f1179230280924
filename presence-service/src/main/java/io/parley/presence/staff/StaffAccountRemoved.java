package io.parley.presence.staff;

/** An account was deleted: its sessions end and its availability is forgotten. */
public record StaffAccountRemoved(String staffId) {}
