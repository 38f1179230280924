/**
 * Staff authentication at the public origin: {@code /api/**} and {@code /ws/**} need a valid staff token
 * except login, the key set and the visitors' paths; the verified staff id is passed on to the services,
 * which check the token again. State-changing requests that a browser authenticates with the session cookie
 * also need the double-submit CSRF token.
 */
@NullMarked
package io.parley.gateway.auth;

import org.jspecify.annotations.NullMarked;
