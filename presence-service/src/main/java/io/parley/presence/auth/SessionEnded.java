package io.parley.presence.auth;

/** A session ended (logout, or its staff account was deleted): its agent sockets close. */
public record SessionEnded(String sessionId, String staffId) {}
