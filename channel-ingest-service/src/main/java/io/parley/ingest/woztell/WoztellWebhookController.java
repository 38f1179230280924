package io.parley.ingest.woztell;

import io.parley.ingest.connector.RawBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/woztell/{accountId}}: the raw body (413 over the limit), handled by {@link
 * WoztellWebhooks}.
 */
@RestController
class WoztellWebhookController {

    private final WoztellWebhooks webhooks;
    private final RawBodies bodies;

    WoztellWebhookController(WoztellWebhooks webhooks, RawBodies bodies) {
        this.webhooks = webhooks;
        this.bodies = bodies;
    }

    @PostMapping("/webhooks/woztell/{accountId}")
    ResponseEntity<Void> receive(
            @PathVariable String accountId,
            @RequestHeader(name = WoztellWebhooks.SIGNATURE, required = false) @Nullable String signature,
            HttpServletRequest request) {
        webhooks.receive(accountId, signature, bodies.read(request));
        return ResponseEntity.ok().build();
    }
}
