package io.parley.ingest.wechat;

import io.parley.ingest.connector.RawBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET, POST /webhooks/wechat/{accountId}}: the URL check (the {@code echostr} as text) and pushes, read
 * as raw bytes up to the size limit (413 beyond it), handled by {@link WeChatWebhooks} and answered {@code
 * success} as text once Kafka has the message — which also stops WeChat's retries.
 */
@RestController
class WeChatWebhookController {

    private final WeChatWebhooks webhooks;
    private final RawBodies bodies;

    WeChatWebhookController(WeChatWebhooks webhooks, RawBodies bodies) {
        this.webhooks = webhooks;
        this.bodies = bodies;
    }

    @GetMapping(path = "/webhooks/wechat/{accountId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(
            @PathVariable String accountId,
            @RequestParam(required = false) @Nullable String signature,
            @RequestParam(required = false) @Nullable String timestamp,
            @RequestParam(required = false) @Nullable String nonce,
            @RequestParam(required = false) @Nullable String echostr) {
        return webhooks.verifyUrl(
                accountId, new WeChatWebhooks.Query(signature, timestamp, nonce, null, null), echostr);
    }

    @PostMapping("/webhooks/wechat/{accountId}")
    ResponseEntity<byte[]> receive(
            @PathVariable String accountId,
            @RequestParam(required = false) @Nullable String signature,
            @RequestParam(required = false) @Nullable String timestamp,
            @RequestParam(required = false) @Nullable String nonce,
            @RequestParam(name = "encrypt_type", required = false) @Nullable String encryptType,
            @RequestParam(name = "msg_signature", required = false) @Nullable String msgSignature,
            HttpServletRequest request) {
        webhooks.receive(
                accountId,
                new WeChatWebhooks.Query(signature, timestamp, nonce, encryptType, msgSignature),
                bodies.read(request));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(WeChatWebhooks.success());
    }
}
