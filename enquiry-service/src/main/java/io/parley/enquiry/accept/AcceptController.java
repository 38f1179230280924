package io.parley.enquiry.accept;

import io.parley.security.StaffPrincipal;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/enquiries/{id}/accept}: {@code 200 {roomId}} for the first, 409 with the reason for the rest. */
@RestController
class AcceptController {

    private final Acceptance acceptance;

    AcceptController(Acceptance acceptance) {
        this.acceptance = acceptance;
    }

    @PostMapping("/api/enquiries/{id}/accept")
    Map<String, String> accept(StaffPrincipal staff, @PathVariable String id) {
        return Map.of("roomId", acceptance.accept(id, staff.staffId()));
    }
}
