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
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * LINE's send API for the demo account, told apart by its Bearer channel access token: {@code POST
 * /simulator/v2/bot/message/reply} takes a reply token the simulator gave out (once, while fresh; else 400
 * as LINE answers), {@code POST /simulator/v2/bot/message/push} a user id and answers 409 to an {@code
 * X-Line-Retry-Key} it has accepted before. Both answer {@code {sentMessages:[{id, quoteToken}]}}.
 */
@RestController
class LineStandIn {

    static final String RETRY_KEY = "X-Line-Retry-Key";

    private final DemoAccounts demoAccounts;
    private final LineCustomer line;
    private final Transcripts transcripts;
    private final Clock clock;
    private final Bounded<String, Boolean> retryKeys = new Bounded<>(5000);

    LineStandIn(DemoAccounts demoAccounts, LineCustomer line, Transcripts transcripts, Clock clock) {
        this.demoAccounts = demoAccounts;
        this.line = line;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    @PostMapping("/simulator/v2/bot/message/reply")
    ResponseEntity<Map<String, Object>> reply(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        Optional<ChannelAccount> account = account(authorization);
        if (account.isEmpty()) {
            return unauthorized();
        }
        JsonNode body = RequestBodies.json(request);
        String token = PlatformHttp.text(body, "replyToken");
        Instant now = clock.instant();
        Optional<LineCustomer.Issued> issued = token == null
                ? Optional.empty()
                : line.takeReplyToken(account.get().id(), token, now);
        if (issued.isEmpty()) {
            return message(HttpStatus.BAD_REQUEST, "Invalid reply token");
        }
        return sent(account.get(), issued.get().userId(), body.path("messages"), now);
    }

    @PostMapping("/simulator/v2/bot/message/push")
    ResponseEntity<Map<String, Object>> push(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestHeader(name = RETRY_KEY, required = false) @Nullable String retryKey,
            HttpServletRequest request) {
        Optional<ChannelAccount> account = account(authorization);
        if (account.isEmpty()) {
            return unauthorized();
        }
        JsonNode body = RequestBodies.json(request);
        String to = PlatformHttp.text(body, "to");
        if (to == null || !SimulatedCustomer.validId(to)) {
            return message(HttpStatus.BAD_REQUEST, "The property, 'to', in the request body is invalid");
        }
        if (retryKey != null) {
            synchronized (retryKeys) {
                if (retryKeys.putIfAbsent(account.get().id() + ":" + retryKey, Boolean.TRUE) != null) {
                    return message(HttpStatus.CONFLICT, "The retry key is already accepted");
                }
            }
        }
        return sent(account.get(), to, body.path("messages"), clock.instant());
    }

    private ResponseEntity<Map<String, Object>> sent(
            ChannelAccount account, String userId, JsonNode messages, Instant at) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : messages) {
            String text = PlatformHttp.text(message, "text");
            if (!"text".equals(PlatformHttp.text(message, "type")) || text == null) {
                return message(HttpStatus.BAD_REQUEST, "The simulator takes text messages only");
            }
            texts.add(text);
        }
        if (texts.isEmpty() || texts.size() > 5) {
            return message(HttpStatus.BAD_REQUEST, "Between 1 and 5 messages can be sent at once");
        }
        List<Map<String, String>> sent = new ArrayList<>();
        for (String text : texts) {
            String id = Long.toString(ThreadLocalRandom.current().nextLong(1L << 50, 1L << 60));
            transcripts.businessSent(account.id(), userId, text, at, id);
            sent.add(Map.of("id", id, "quoteToken", "q" + id));
        }
        return ResponseEntity.ok(Map.of("sentMessages", sent));
    }

    private Optional<ChannelAccount> account(@Nullable String authorization) {
        String token = Credentials.bearer(authorization);
        return demoAccounts
                .of(Channel.LINE)
                .filter(account -> Credentials.same(account.secrets().get("channelAccessToken"), token));
    }

    private static ResponseEntity<Map<String, Object>> unauthorized() {
        return message(
                HttpStatus.UNAUTHORIZED,
                "Authentication failed. Confirm that the access token in the authorization header is valid.");
    }

    private static ResponseEntity<Map<String, Object>> message(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
