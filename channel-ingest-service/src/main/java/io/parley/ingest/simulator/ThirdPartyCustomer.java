package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A third-party system's message under our own contract: {@code {customer: {id, name}, message: {id, text,
 * sentAt}}}, signed the Standard Webhooks way with the account's {@code whsec_} secret.
 */
@Component
class ThirdPartyCustomer implements CustomerWebhook {

    static final String SECRET = "secret";

    @Override
    public Channel channel() {
        return Channel.THIRD_PARTY;
    }

    @Override
    public String label() {
        return "Third-party system";
    }

    @Override
    public Request build(ChannelAccount account, SimulatedCustomer customer, String text, Instant at) {
        String id = "msg_sim_" + UUID.randomUUID();
        byte[] body = CustomerWebhook.json(Map.of(
                "customer", Map.of("id", customer.id(), "name", customer.name()),
                "message", Map.of("id", id, "text", text, "sentAt", at.toString())));
        String timestamp = Long.toString(at.getEpochSecond());
        byte[] key = IntegratorSignature.key(account.secrets().get(SECRET));
        String signature = key == null ? "v1,unsigned" : IntegratorSignature.sign(key, id, timestamp, body);
        return new Request(
                "/webhooks/third-party/" + account.id(),
                "application/json",
                Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature),
                body);
    }
}
