package io.parley.ingest.thirdparty;

import io.parley.kit.auth.StaffRoles;
import io.parley.security.StaffPrincipal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/channel-accounts/{id}/dead-letters} and {@code POST
 * …/dead-letters/{deadLetterId}/replay}: ADMINs list and replay a third-party account's undelivered messages;
 * others 403.
 */
@RestController
class DeadLetterController {

    private final DeadLetterReplays replays;

    DeadLetterController(DeadLetterReplays replays) {
        this.replays = replays;
    }

    @GetMapping("/api/admin/channel-accounts/{id}/dead-letters")
    List<DeadLetter> list(StaffPrincipal caller, @PathVariable String id) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return replays.list(id);
    }

    @PostMapping("/api/admin/channel-accounts/{id}/dead-letters/{deadLetterId}/replay")
    DeadLetter replay(StaffPrincipal caller, @PathVariable String id, @PathVariable String deadLetterId) {
        StaffRoles.requireAny(caller, StaffRoles.ADMIN);
        return replays.replay(id, deadLetterId);
    }
}
