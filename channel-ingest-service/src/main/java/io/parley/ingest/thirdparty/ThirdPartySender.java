package io.parley.ingest.thirdparty;

import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.DeliveryFailure;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.ingest.outbound.ChannelSender;
import io.parley.ingest.outbound.DeliveryFailures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Outbound messages to a third-party system: a JSON POST to the account's callback URL (its {@code
 * platformBaseUrl}), signed the Standard Webhooks way with the account's secret ({@code webhook-id} = our
 * outbound message id, so the receiver can deduplicate; a fresh {@code webhook-timestamp} on every attempt),
 * one try per call (the outbound dispatcher retries 5xx, 429 and I/O errors with back-off). The body:
 *
 * <pre>{@code
 * {"type": "message", "messageId": "out-…", "customerId": "c-42", "purpose": "REPLY",
 *  "sender": {"kind": "STAFF", "name": "Alice"}, "text": "…",
 *  "attachments": [{"ref": "…", "mediaType": "…", "fileName": "…"}], "sentAt": "2025-…Z"}
 * }</pre>
 *
 * A message the dispatcher gives up on is FAILED and kept as a {@link DeadLetter} that an admin can replay.
 */
@Component
class ThirdPartySender implements ChannelSender {

    private final PlatformHttp http;
    private final DeadLetters deadLetters;
    private final Clock clock;

    ThirdPartySender(PlatformHttp http, DeadLetters deadLetters, Clock clock) {
        this.http = http;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.THIRD_PARTY;
    }

    @Override
    public Outcome send(ChannelAccount account, OutboundMessageRequested message) {
        return deliver(account, message.outboundMessageId(), PlatformHttp.JSON.writeValueAsString(body(message)));
    }

    @Override
    public DeliveryFailure undelivered(
            ChannelAccount account, OutboundMessageRequested message, DeliveryFailure failure) {
        deadLetters.add(
                account, message, PlatformHttp.JSON.writeValueAsString(body(message)), failure, clock.instant());
        return new DeliveryFailure(
                failure.code(), failure.reason() + " (kept as a dead letter an admin can replay)", true);
    }

    /** One signed try to deliver an already built body (a replay uses it too). */
    Outcome deliver(ChannelAccount account, String messageId, String body) {
        byte[] key = StandardWebhooks.key(account.secrets().get(ThirdPartyWebhooks.SECRET));
        if (key == null) {
            return new Failed(new DeliveryFailure(
                    DeliveryFailures.BAD_CREDENTIALS,
                    "The channel account has no valid signing secret (whsec_…): an admin must set it",
                    true));
        }
        URI callback;
        try {
            callback = account.platformBaseUrl() == null ? null : URI.create(account.platformBaseUrl());
        } catch (IllegalArgumentException e) {
            callback = null;
        }
        if (callback == null || !callback.isAbsolute()) {
            return new Failed(new DeliveryFailure(
                    DeliveryFailures.NOT_CONFIGURED,
                    "The channel account has no callback URL: an admin must set it",
                    true));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI target = callback;
        PlatformHttp.Result result = http.exchange(account.id(), () -> {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            return http.jsonPost(target, body)
                    .header(StandardWebhooks.ID, messageId)
                    .header(StandardWebhooks.TIMESTAMP, timestamp)
                    .header(StandardWebhooks.SIGNATURE, StandardWebhooks.sign(key, messageId, timestamp, bytes))
                    .build();
        });
        return switch (result) {
            case PlatformHttp.Answered answer when answer.ok() -> new Sent(messageId);
            case PlatformHttp.Answered answer
            when answer.status() == 401 || answer.status() == 403 ->
                new Failed(new DeliveryFailure(
                        DeliveryFailures.BAD_CREDENTIALS,
                        "The third-party system refused our signature (HTTP " + answer.status() + ")",
                        true));
            case PlatformHttp.Answered answer -> new Failed(DeliveryFailures.rejected("HTTP " + answer.status()));
            case PlatformHttp.Unreachable unreachable -> new Failed(DeliveryFailures.unreachable(unreachable.detail()));
        };
    }

    private static Map<String, Object> body(OutboundMessageRequested message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "message");
        body.put("messageId", message.outboundMessageId());
        body.put("customerId", message.conversationKey().externalUserId());
        body.put("purpose", message.purpose().name());
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("kind", message.sender().kind().name());
        if (message.sender().name() != null) {
            sender.put("name", message.sender().name());
        }
        body.put("sender", sender);
        if (message.text() != null) {
            body.put("text", message.text());
        }
        List<Map<String, Object>> attachments =
                message.attachments().stream().map(ThirdPartySender::attachment).toList();
        if (!attachments.isEmpty()) {
            body.put("attachments", attachments);
        }
        body.put("sentAt", message.requestedAt().toString());
        return body;
    }

    private static Map<String, Object> attachment(AttachmentRef ref) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("ref", ref.ref());
        attachment.put("mediaType", ref.mediaType());
        if (ref.fileName() != null) {
            attachment.put("fileName", ref.fileName());
        }
        if (ref.sizeBytes() != null) {
            attachment.put("sizeBytes", ref.sizeBytes());
        }
        return attachment;
    }
}
