package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.Hmac;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A Messenger customer's message: {@code object: page}, one entry for the page with one {@code messaging}
 * event from the customer's PSID, signed {@code X-Hub-Signature-256: sha256=<hex HMAC>} with the app secret.
 */
@Component
class MessengerCustomer implements CustomerWebhook {

    static final String APP_SECRET = "appSecret";

    @Override
    public Channel channel() {
        return Channel.FACEBOOK;
    }

    @Override
    public String label() {
        return "Messenger";
    }

    @Override
    public Request build(ChannelAccount account, SimulatedCustomer customer, String text, Instant at) {
        long millis = at.toEpochMilli();
        Map<String, Object> event = Map.of(
                "sender", Map.of("id", customer.id()),
                "recipient", Map.of("id", account.id()),
                "timestamp", millis,
                "message", Map.of("mid", "m_sim_" + UUID.randomUUID(), "text", text));
        byte[] body = CustomerWebhook.json(Map.of(
                "object",
                "page",
                "entry",
                List.of(Map.of("id", account.id(), "time", millis, "messaging", List.of(event)))));
        return new Request(
                "/webhooks/facebook",
                "application/json",
                Map.of("X-Hub-Signature-256", metaSignature(account, body)),
                body);
    }

    /** Meta's signature of a body with the account's app secret. */
    static String metaSignature(ChannelAccount account, byte[] body) {
        return "sha256="
                + HexFormat.of().formatHex(Hmac.sha256(account.secrets().getOrDefault(APP_SECRET, ""), body));
    }
}
