/**
 * Staff authentication of a Parley service: every {@code /api/**} request except the public paths carries a
 * staff token (Bearer header or the session cookie) that is verified against presence-service's JWKS;
 * controllers receive the {@link io.parley.security.StaffPrincipal} and check roles with {@link
 * io.parley.kit.auth.StaffRoles}.
 */
@NullMarked
package io.parley.kit.auth;

import org.jspecify.annotations.NullMarked;
