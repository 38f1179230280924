package io.parley.ingest.thirdparty;

import io.parley.ingest.connector.RawBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/third-party/{accountId}}: the raw body (413 over the limit, unread), verified and
 * published by {@link ThirdPartyWebhooks}; 200 once Kafka has it (or had it: a re-delivery).
 */
@RestController
class ThirdPartyWebhookController {

    private final ThirdPartyWebhooks webhooks;
    private final RawBodies bodies;

    ThirdPartyWebhookController(ThirdPartyWebhooks webhooks, RawBodies bodies) {
        this.webhooks = webhooks;
        this.bodies = bodies;
    }

    @PostMapping("/webhooks/third-party/{accountId}")
    ResponseEntity<Void> receive(
            @PathVariable String accountId,
            @RequestHeader(name = StandardWebhooks.ID, required = false) @Nullable String id,
            @RequestHeader(name = StandardWebhooks.TIMESTAMP, required = false) @Nullable String timestamp,
            @RequestHeader(name = StandardWebhooks.SIGNATURE, required = false) @Nullable String signature,
            HttpServletRequest request) {
        webhooks.receive(accountId, id, timestamp, signature, bodies.read(request));
        return ResponseEntity.ok().build();
    }
}
