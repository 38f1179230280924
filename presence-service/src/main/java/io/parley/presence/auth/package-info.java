/**
 * Sign-in: login with username and password, short-lived RS256 staff tokens tied to a server-side session,
 * refresh, logout, and the public key set (JWKS) that the gateway and every service verify tokens with.
 */
@NullMarked
package io.parley.presence.auth;

import org.jspecify.annotations.NullMarked;
