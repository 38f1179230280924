package io.parley.ingest.account;

import io.parley.kit.auth.StaffRoles;
import io.parley.security.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/channel-accounts}: ADMINs list, read, create or replace ({@code PUT}, by id) and delete
 * channel accounts; others 403. Secret values are accepted, never shown.
 */
@RestController
class ChannelAccountAdminController {

    private final ChannelAccountAdministration administration;

    ChannelAccountAdminController(ChannelAccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/api/admin/channel-accounts")
    List<AccountView> list(StaffPrincipal caller) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return administration.list();
    }

    @GetMapping("/api/admin/channel-accounts/{id}")
    AccountView get(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return administration.get(id);
    }

    @PutMapping("/api/admin/channel-accounts/{id}")
    ResponseEntity<AccountView> put(
            StaffPrincipal caller, @PathVariable String id, @RequestBody AccountRequest request) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        ChannelAccountAdministration.Saved saved = administration.put(id, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(saved.account());
    }

    @DeleteMapping("/api/admin/channel-accounts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        administration.delete(id);
    }
}
