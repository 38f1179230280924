package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.Hmac;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A WOZTELL member's message: {@code {from, to, timestamp, type: TEXT, data: {text}, member, channel, app,
 * messageId}} signed {@code X-Woztell-Signature} = Base64(HMAC-SHA256(channel secret, body)). Its {@code
 * channel} is the channel id the replies must name.
 */
@Component
class WoztellCustomer implements CustomerWebhook {

    static final String CHANNEL_SECRET = "channelSecret";
    static final String CHANNEL_ID = "demo-woztell-channel";

    @Override
    public Channel channel() {
        return Channel.WOZTELL;
    }

    @Override
    public String label() {
        return "WOZTELL";
    }

    @Override
    public Request build(ChannelAccount account, SimulatedCustomer customer, String text, Instant at) {
        byte[] body = CustomerWebhook.json(Map.of(
                "from", customer.id(),
                "to", account.id(),
                "timestamp", at.toEpochMilli(),
                "type", "TEXT",
                "data", Map.of("text", text),
                "member", customer.id(),
                "channel", CHANNEL_ID,
                "app", "demo-woztell-app",
                "messageId", "sim-" + UUID.randomUUID()));
        String secret = account.secrets().getOrDefault(CHANNEL_SECRET, "");
        return new Request(
                "/webhooks/woztell/" + account.id(),
                "application/json",
                Map.of("X-Woztell-Signature", Hmac.base64(secret, body)),
                body);
    }
}
