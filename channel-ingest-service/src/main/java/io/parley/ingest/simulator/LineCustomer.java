package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.Hmac;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * A LINE user's message: one {@code message} event with a fresh {@code webhookEventId} and a reply token,
 * signed {@code x-line-signature} = Base64(HMAC-SHA256(channel secret, body)). The reply tokens it gave out
 * are remembered (bounded, single use, a few minutes) so the stand-in can check them as LINE does.
 */
@Component
class LineCustomer implements CustomerWebhook {

    static final String CHANNEL_SECRET = "channelSecret";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    /** To whom a reply token answers. */
    record Issued(String accountId, String userId, Instant at) {}

    private final Bounded<String, Issued> replyTokens = new Bounded<>(1000);

    @Override
    public Channel channel() {
        return Channel.LINE;
    }

    @Override
    public String label() {
        return "LINE";
    }

    @Override
    public Request build(ChannelAccount account, SimulatedCustomer customer, String text, Instant at) {
        String replyToken = UUID.randomUUID().toString().replace("-", "");
        synchronized (replyTokens) {
            replyTokens.put(replyToken, new Issued(account.id(), customer.id(), at));
        }
        Map<String, Object> event = Map.of(
                "type",
                "message",
                "mode",
                "active",
                "timestamp",
                at.toEpochMilli(),
                "source",
                Map.of("type", "user", "userId", customer.id()),
                "webhookEventId",
                "01SIM" + UUID.randomUUID().toString().replace("-", "").toUpperCase(),
                "deliveryContext",
                Map.of("isRedelivery", false),
                "replyToken",
                replyToken,
                "message",
                Map.of(
                        "id",
                        Long.toString(ThreadLocalRandom.current().nextLong(1L << 50, 1L << 60)),
                        "type",
                        "text",
                        "text",
                        text));
        byte[] body = CustomerWebhook.json(Map.of("destination", "Udemo" + account.id(), "events", List.of(event)));
        String secret = account.secrets().getOrDefault(CHANNEL_SECRET, "");
        return new Request(
                "/webhooks/line/" + account.id(),
                "application/json",
                Map.of("x-line-signature", Hmac.base64(secret, body)),
                body);
    }

    /** Uses up a reply token this account was given, if it is still fresh. */
    Optional<Issued> takeReplyToken(String accountId, String token, Instant now) {
        synchronized (replyTokens) {
            Issued issued = replyTokens.get(token);
            if (issued == null
                    || !issued.accountId().equals(accountId)
                    || issued.at().plus(TOKEN_LIFETIME).isBefore(now)) {
                return Optional.empty();
            }
            replyTokens.remove(token);
            return Optional.of(issued);
        }
    }
}
