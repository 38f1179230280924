package io.parley.security;

import java.util.Objects;
import java.util.Set;

/**
 * The staff member a verified token speaks for.
 *
 * @param staffId the staff account's id (the token's {@code sub})
 * @param name the display name at login
 * @param roles {@code ADMIN}, {@code SUPERVISOR}, {@code STAFF}
 * @param sessionId the server-side session the token belongs to (the token's {@code sid}); logging out ends it
 */
public record StaffPrincipal(String staffId, String name, Set<String> roles, String sessionId) {

    public StaffPrincipal {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the staff member has at least one of the roles. */
    public boolean hasAnyRole(String... anyOf) {
        for (String role : anyOf) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
