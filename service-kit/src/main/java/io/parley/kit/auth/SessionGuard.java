package io.parley.kit.auth;

import io.parley.security.StaffPrincipal;

/**
 * Whether a verified token's session is still open. Only presence-service, which keeps the sessions, can
 * know, so only it declares this bean; every other service accepts a token until it expires, and the token
 * lifetime ({@code parley.presence.token-ttl}) bounds how long a logged-out token still works there.
 */
@FunctionalInterface
public interface SessionGuard {

    boolean isOpen(StaffPrincipal principal);
}
