package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The demo third-party system's callback: the demo account's callback URL is the simulator's base URL
 * itself, so Parley's outbound messages arrive as {@code POST /simulator}. It checks them as an integrator
 * should: the Standard Webhooks signature with the account's secret, a timestamp within five minutes, and
 * {@code webhook-id} to take a re-delivery only once (401 for a bad signature or an old timestamp).
 */
@RestController
class ThirdPartyStandIn {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final DemoAccounts demoAccounts;
    private final Transcripts transcripts;
    private final Clock clock;
    private final Bounded<String, Boolean> delivered = new Bounded<>(5000);

    ThirdPartyStandIn(DemoAccounts demoAccounts, Transcripts transcripts, Clock clock) {
        this.demoAccounts = demoAccounts;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    @PostMapping({"/simulator", "/simulator/"})
    ResponseEntity<Map<String, Object>> callback(
            @RequestHeader(name = "webhook-id", required = false) @Nullable String id,
            @RequestHeader(name = "webhook-timestamp", required = false) @Nullable String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) @Nullable String signature,
            HttpServletRequest request) {
        byte[] raw = RequestBodies.raw(request);
        Optional<ChannelAccount> account = demoAccounts.of(Channel.THIRD_PARTY);
        byte[] key = account.map(demo -> IntegratorSignature.key(demo.secrets().get(ThirdPartyCustomer.SECRET)))
                .orElse(null);
        if (account.isEmpty()
                || key == null
                || id == null
                || timestamp == null
                || !IntegratorSignature.verifies(key, id, timestamp, raw, signature)) {
            return refusal(HttpStatus.UNAUTHORIZED, "The signature is not the demo account's");
        }
        if (!fresh(timestamp)) {
            return refusal(HttpStatus.UNAUTHORIZED, "webhook-timestamp is more than five minutes away");
        }
        JsonNode body = RequestBodies.json(raw);
        String customerId = PlatformHttp.text(body, "customerId");
        String text = PlatformHttp.text(body, "text");
        if (customerId == null || !SimulatedCustomer.validId(customerId)) {
            return refusal(HttpStatus.BAD_REQUEST, "customerId is required");
        }
        synchronized (delivered) {
            if (delivered.putIfAbsent(id, Boolean.TRUE) != null) {
                return ResponseEntity.ok(Map.of("received", id, "duplicate", true));
            }
        }
        transcripts.businessSent(
                account.get().id(), customerId, text != null ? text : "[a message without text]", clock.instant(), id);
        return ResponseEntity.ok(Map.of("received", id));
    }

    private boolean fresh(String timestamp) {
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
            return Duration.between(signedAt, clock.instant()).abs().compareTo(TOLERANCE) <= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ResponseEntity<Map<String, Object>> refusal(HttpStatus status, String error) {
        return ResponseEntity.status(status).body(Map.of("error", error));
    }
}
