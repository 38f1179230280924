/**
 * Staff tokens: presence-service signs a short-lived RS256 JWT at login; every service and the gateway
 * verify it against presence's published key set (JWKS). No Spring, so the servlet services and the
 * reactive gateway share it.
 */
@NullMarked
package io.parley.security;

import org.jspecify.annotations.NullMarked;
