package io.parley.enquiry.missed;

import io.parley.security.StaffPrincipal;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/enquiries/{id}/follow-up}: a missed enquiry becomes a room with the caller. */
@RestController
class FollowUpController {

    private final MissedEnquiries missed;

    FollowUpController(MissedEnquiries missed) {
        this.missed = missed;
    }

    @PostMapping("/api/enquiries/{id}/follow-up")
    Map<String, String> followUp(StaffPrincipal staff, @PathVariable String id) {
        return Map.of("roomId", missed.followUp(id, staff.staffId()));
    }
}
