package io.parley.ingest.meta;

import io.parley.events.Channel;
import io.parley.ingest.connector.RawBodies;
import io.parley.kit.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET, POST /webhooks/facebook} and {@code /webhooks/whatsapp}: Meta's subscribe handshake (the
 * challenge echoed as text when the verify token is one of ours, else 403) and its notifications, read as raw
 * bytes up to the size limit (413 beyond it, unread), then verified and published by {@link MetaWebhooks}.
 * A notification for a page or number unknown here is answered 200 and ignored: Meta retries anything else
 * for days, and a retry would not make the account known.
 */
@RestController
class MetaWebhookController {

    static final int MAX_CHALLENGE = 256;

    private final MetaWebhooks webhooks;
    private final RawBodies bodies;

    MetaWebhookController(MetaWebhooks webhooks, RawBodies bodies) {
        this.webhooks = webhooks;
        this.bodies = bodies;
    }

    @GetMapping(path = "/webhooks/facebook", produces = MediaType.TEXT_PLAIN_VALUE)
    String messengerHandshake(
            @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
            @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
            @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
        return handshake(Channel.FACEBOOK, mode, token, challenge);
    }

    @GetMapping(path = "/webhooks/whatsapp", produces = MediaType.TEXT_PLAIN_VALUE)
    String whatsAppHandshake(
            @RequestParam(name = "hub.mode", required = false) @Nullable String mode,
            @RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
            @RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
        return handshake(Channel.WHATSAPP, mode, token, challenge);
    }

    @PostMapping("/webhooks/facebook")
    ResponseEntity<Void> messenger(
            HttpServletRequest request,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String signature) {
        webhooks.receive(Channel.FACEBOOK, signature, bodies.read(request));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/webhooks/whatsapp")
    ResponseEntity<Void> whatsApp(
            HttpServletRequest request,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String signature) {
        webhooks.receive(Channel.WHATSAPP, signature, bodies.read(request));
        return ResponseEntity.ok().build();
    }

    private String handshake(
            Channel channel, @Nullable String mode, @Nullable String token, @Nullable String challenge) {
        if (challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE) {
            throw Problem.badRequest("webhook.malformed", "hub.challenge is missing or too long");
        }
        if (!webhooks.verifiesSubscription(channel, mode, token)) {
            throw new Problem(HttpStatus.FORBIDDEN, "webhook.forbidden", "The verify token is not one of ours");
        }
        return challenge;
    }
}
