package io.parley.routing.destination;

import io.parley.kit.auth.StaffRoles;
import io.parley.security.StaffPrincipal;
import jakarta.validation.Valid;
import java.util.List;
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

/** {@code /api/admin/destinations} and {@code /api/admin/tags}: admins write, supervisors may read. */
@RestController
@RequestMapping("/api/admin")
class DestinationAdminController {

    private final DestinationAdministration administration;
    private final DestinationCatalog catalog;

    DestinationAdminController(DestinationAdministration administration, DestinationCatalog catalog) {
        this.administration = administration;
        this.catalog = catalog;
    }

    @GetMapping("/destinations")
    List<Destination> destinations(StaffPrincipal staff) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN, StaffRoles.SUPERVISOR);
        return catalog.destinations();
    }

    @GetMapping("/destinations/{id}")
    Destination destination(StaffPrincipal staff, @PathVariable String id) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN, StaffRoles.SUPERVISOR);
        return administration.destination(id);
    }

    @PostMapping("/destinations")
    @ResponseStatus(HttpStatus.CREATED)
    Destination create(StaffPrincipal staff, @Valid @RequestBody DestinationRequest request) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN);
        return administration.create(request);
    }

    @PutMapping("/destinations/{id}")
    Destination update(StaffPrincipal staff, @PathVariable String id, @Valid @RequestBody DestinationRequest request) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN);
        return administration.update(id, request);
    }

    @DeleteMapping("/destinations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(StaffPrincipal staff, @PathVariable String id) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN);
        administration.delete(id);
    }

    @GetMapping("/tags")
    List<Tag> tags(StaffPrincipal staff) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN, StaffRoles.SUPERVISOR);
        return catalog.tags();
    }

    @GetMapping("/tags/{id}")
    Tag tag(StaffPrincipal staff, @PathVariable String id) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN, StaffRoles.SUPERVISOR);
        return administration.tag(id);
    }

    @PostMapping("/tags")
    @ResponseStatus(HttpStatus.CREATED)
    Tag createTag(StaffPrincipal staff, @Valid @RequestBody TagRequest request) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN);
        return administration.create(request);
    }

    @PutMapping("/tags/{id}")
    Tag updateTag(StaffPrincipal staff, @PathVariable String id, @Valid @RequestBody TagRequest request) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN);
        return administration.update(id, request);
    }

    @DeleteMapping("/tags/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTag(StaffPrincipal staff, @PathVariable String id) {
        StaffRoles.requireAny(staff, StaffRoles.ADMIN);
        administration.deleteTag(id);
    }
}
