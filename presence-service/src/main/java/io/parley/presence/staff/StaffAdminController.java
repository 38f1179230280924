package io.parley.presence.staff;

import io.parley.kit.auth.StaffRoles;
import io.parley.security.StaffPrincipal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/staff}: ADMINs list, create, change and delete staff accounts; everyone else gets 403. */
@RestController
@RequestMapping("/api/admin/staff")
class StaffAdminController {

    private final StaffAdministration administration;
    private final StaffAccounts accounts;

    StaffAdminController(StaffAdministration administration, StaffAccounts accounts) {
        this.administration = administration;
        this.accounts = accounts;
    }

    record NewPassword(@Nullable String password) {}

    @GetMapping
    List<StaffView> list(StaffPrincipal caller) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return accounts.all().stream().map(StaffView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffView create(StaffPrincipal caller, @RequestBody StaffAdministration.NewStaff request) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return StaffView.of(administration.create(request));
    }

    @GetMapping("/{id}")
    StaffView get(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return StaffView.of(administration.get(id));
    }

    @PutMapping("/{id}")
    StaffView update(
            StaffPrincipal caller, @PathVariable String id, @RequestBody StaffAdministration.StaffChanges changes) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return StaffView.of(administration.update(id, changes));
    }

    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setPassword(StaffPrincipal caller, @PathVariable String id, @RequestBody NewPassword request) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        administration.setPassword(id, request.password());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        administration.delete(id);
    }
}
