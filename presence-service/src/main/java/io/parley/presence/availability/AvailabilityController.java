package io.parley.presence.availability;

import io.parley.events.presence.Availability;
import io.parley.kit.auth.StaffRoles;
import io.parley.kit.web.Problem;
import io.parley.presence.staff.StaffAccounts;
import io.parley.security.StaffPrincipal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/presence}: a staff member reads and sets their own status; SUPERVISORs and ADMINs may set
 * anyone's (a STAFF user gets {@code 403 auth.forbidden}).
 */
@RestController
@RequestMapping("/api/presence")
class AvailabilityController {

    private final StaffPresence presence;
    private final StaffAccounts accounts;

    AvailabilityController(StaffPresence presence, StaffAccounts accounts) {
        this.presence = presence;
        this.accounts = accounts;
    }

    record StatusRequest(@Nullable String status) {}

    @GetMapping("/me")
    AvailabilityView me(StaffPrincipal staff) {
        return presence.view(staff.staffId());
    }

    @PutMapping("/me")
    AvailabilityView setMine(StaffPrincipal staff, @RequestBody StatusRequest request) {
        return presence.setStatus(staff.staffId(), parse(request.status()));
    }

    @PutMapping("/{staffId}")
    AvailabilityView setTheirs(
            StaffPrincipal caller, @PathVariable String staffId, @RequestBody StatusRequest request) {
        StaffRoles.requireAny(caller, StaffRoles.SUPERVISOR, StaffRoles.ADMIN);
        Availability status = parse(request.status());
        if (accounts.byId(staffId).isEmpty()) {
            throw Problem.notFound("staff.not-found", "No such staff member");
        }
        return presence.setStatus(staffId, status);
    }

    private static Availability parse(@Nullable String status) {
        try {
            return Availability.valueOf(String.valueOf(status).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("presence.unknown-status", "A status is ACTIVE, BUSY, IDLE or OFFLINE");
        }
    }
}
