package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Meta's Graph send API for the demo page and number: {@code POST /simulator/{version}/{node}/messages}.
 * Messenger's call carries the page token as {@code access_token} and answers {@code {recipient_id,
 * message_id}}; WhatsApp's carries the Bearer token and answers {@code {messaging_product, contacts,
 * messages:[{id}]}}. A node that is no demo account, a wrong token or a body without recipient and text is
 * refused with Graph's error object.
 */
@RestController
class GraphStandIn {

    private final DemoAccounts demoAccounts;
    private final Transcripts transcripts;
    private final Clock clock;

    GraphStandIn(DemoAccounts demoAccounts, Transcripts transcripts, Clock clock) {
        this.demoAccounts = demoAccounts;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    @PostMapping("/simulator/{version:v[0-9]+\\.[0-9]+}/{node}/messages")
    ResponseEntity<Map<String, Object>> send(
            @PathVariable String node,
            @RequestParam(name = "access_token", required = false) @Nullable String accessToken,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        Optional<ChannelAccount> page = demoAccounts.byId(Channel.FACEBOOK, node);
        Optional<ChannelAccount> phone = demoAccounts.byId(Channel.WHATSAPP, node);
        if (page.isEmpty() && phone.isEmpty()) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    100,
                    "Unsupported post request. Object with ID '" + node
                            + "' does not exist in the channel simulator (only the demo page and number do)");
        }
        JsonNode body = RequestBodies.json(request);
        return page.isPresent() ? messenger(page.get(), accessToken, body) : whatsApp(phone.get(), authorization, body);
    }

    private ResponseEntity<Map<String, Object>> messenger(
            ChannelAccount page, @Nullable String accessToken, JsonNode body) {
        if (!Credentials.same(page.secrets().get("pageAccessToken"), accessToken)) {
            return error(HttpStatus.BAD_REQUEST, 190, "Invalid OAuth access token - Cannot parse access token");
        }
        String psid = PlatformHttp.text(body.path("recipient"), "id");
        String text = PlatformHttp.text(body.path("message"), "text");
        if (psid == null || text == null || !SimulatedCustomer.validId(psid)) {
            return error(HttpStatus.BAD_REQUEST, 100, "(#100) The parameters recipient and message.text are required");
        }
        String messageId = "m_sim_" + UUID.randomUUID();
        transcripts.businessSent(page.id(), psid, text, clock.instant(), messageId);
        return ResponseEntity.ok(Map.of("recipient_id", psid, "message_id", messageId));
    }

    private ResponseEntity<Map<String, Object>> whatsApp(
            ChannelAccount phone, @Nullable String authorization, JsonNode body) {
        if (!Credentials.same(phone.secrets().get("accessToken"), Credentials.bearer(authorization))) {
            return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token - Cannot parse access token");
        }
        String to = PlatformHttp.text(body, "to");
        String text = PlatformHttp.text(body.path("text"), "body");
        if (!"whatsapp".equals(PlatformHttp.text(body, "messaging_product"))
                || !"text".equals(PlatformHttp.text(body, "type"))
                || to == null
                || text == null
                || !SimulatedCustomer.validId(to)) {
            return error(
                    HttpStatus.BAD_REQUEST,
                    100,
                    "(#100) The simulator takes messaging_product whatsapp, type text, to and text.body");
        }
        String messageId = "wamid.SIM" + UUID.randomUUID().toString().replace("-", "");
        transcripts.businessSent(phone.id(), to, text, clock.instant(), messageId);
        return ResponseEntity.ok(Map.of(
                "messaging_product", "whatsapp",
                "contacts", List.of(Map.of("input", to, "wa_id", to)),
                "messages", List.of(Map.of("id", messageId))));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
        return ResponseEntity.status(status)
                .body(Map.of(
                        "error",
                        Map.of(
                                "message",
                                message,
                                "type",
                                code == 190 ? "OAuthException" : "GraphMethodException",
                                "code",
                                code,
                                "fbtrace_id",
                                "simulator")));
    }
}
