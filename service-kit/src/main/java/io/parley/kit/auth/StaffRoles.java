package io.parley.kit.auth;

import io.parley.kit.web.Problem;
import io.parley.security.StaffPrincipal;
import org.springframework.http.HttpStatus;

/** Role checks of controllers: a staff member without one of the required roles gets {@code 403 auth.forbidden}. */
public final class StaffRoles {

    public static final String ADMIN = "ADMIN";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String STAFF = "STAFF";

    private StaffRoles() {}

    /** Passes when the staff member has at least one of the roles, else throws {@code 403 auth.forbidden}. */
    public static void requireAny(StaffPrincipal staff, String... roles) {
        if (!staff.hasAnyRole(roles)) {
            throw new Problem(
                    HttpStatus.FORBIDDEN, "auth.forbidden", "This needs the role " + String.join(" or ", roles));
        }
    }
}
