package io.parley.ingest.web;

import io.parley.ingest.web.WebAdministration.LinkRequest;
import io.parley.ingest.web.WebAdministration.WidgetRequest;
import io.parley.kit.auth.StaffRoles;
import io.parley.security.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/widgets} and {@code /api/admin/links}: ADMINs list, create, read, change and delete; others 403. */
@RestController
class WebAdminController {

    private final WebAdministration administration;
    private final WebEntryPoints web;

    WebAdminController(WebAdministration administration, WebEntryPoints web) {
        this.administration = administration;
        this.web = web;
    }

    @GetMapping("/api/admin/widgets")
    List<Widget> widgets(StaffPrincipal caller) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return web.widgets();
    }

    @PostMapping("/api/admin/widgets")
    @ResponseStatus(HttpStatus.CREATED)
    Widget createWidget(StaffPrincipal caller, @RequestBody WidgetRequest request) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return administration.createWidget(request);
    }

    @GetMapping("/api/admin/widgets/{id}")
    Widget widget(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return administration.widget(id);
    }

    @PutMapping("/api/admin/widgets/{id}")
    Widget updateWidget(StaffPrincipal caller, @PathVariable String id, @RequestBody WidgetRequest request) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return administration.updateWidget(id, request);
    }

    @DeleteMapping("/api/admin/widgets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteWidget(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        administration.deleteWidget(id);
    }

    @GetMapping("/api/admin/links")
    List<WebLink> links(StaffPrincipal caller) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return web.links();
    }

    @PostMapping("/api/admin/links")
    @ResponseStatus(HttpStatus.CREATED)
    WebLink createLink(StaffPrincipal caller, @RequestBody LinkRequest request) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return administration.createLink(request);
    }

    @GetMapping("/api/admin/links/{id}")
    WebLink link(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return administration.link(id);
    }

    @PutMapping("/api/admin/links/{id}")
    WebLink updateLink(StaffPrincipal caller, @PathVariable String id, @RequestBody LinkRequest request) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return administration.updateLink(id, request);
    }

    @DeleteMapping("/api/admin/links/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteLink(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        administration.deleteLink(id);
    }
}
