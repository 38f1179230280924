package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * WOZTELL's Bot API for the demo account: {@code POST /simulator/sendResponses} with its Bearer access token
 * and {@code {channelId, recipientId, response:[{type: TEXT, text}]}}. A wrong token is 401; a channel id
 * other than the one the simulated members write from is {@code ok: 0} with HTTP 200, as WOZTELL refuses.
 */
@RestController
class WoztellStandIn {

    private final DemoAccounts demoAccounts;
    private final Transcripts transcripts;
    private final Clock clock;

    WoztellStandIn(DemoAccounts demoAccounts, Transcripts transcripts, Clock clock) {
        this.demoAccounts = demoAccounts;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    @PostMapping("/simulator/sendResponses")
    ResponseEntity<Map<String, Object>> send(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        String token = Credentials.bearer(authorization);
        Optional<ChannelAccount> account = demoAccounts
                .of(Channel.WOZTELL)
                .filter(demo -> Credentials.same(demo.secrets().get("accessToken"), token));
        if (account.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(refusal("Invalid access token"));
        }
        JsonNode body = RequestBodies.json(request);
        String recipient = PlatformHttp.text(body, "recipientId");
        if (!WoztellCustomer.CHANNEL_ID.equals(PlatformHttp.text(body, "channelId"))) {
            return ResponseEntity.ok(refusal("Channel not found"));
        }
        if (recipient == null || !SimulatedCustomer.validId(recipient)) {
            return ResponseEntity.ok(refusal("recipientId is required"));
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode response : body.path("response")) {
            String text = PlatformHttp.text(response, "text");
            if (!"TEXT".equals(PlatformHttp.text(response, "type")) || text == null) {
                return ResponseEntity.ok(refusal("The simulator takes TEXT responses only"));
            }
            texts.add(text);
        }
        if (texts.isEmpty()) {
            return ResponseEntity.ok(refusal("response is required"));
        }
        Instant at = clock.instant();
        List<Map<String, String>> result = new ArrayList<>();
        for (String text : texts) {
            String id = "sim-" + UUID.randomUUID();
            transcripts.businessSent(account.get().id(), recipient, text, at, id);
            result.add(Map.of("messageId", id));
        }
        return ResponseEntity.ok(Map.of("ok", 1, "result", result));
    }

    private static Map<String, Object> refusal(String error) {
        return Map.of("ok", 0, "error", error);
    }
}
