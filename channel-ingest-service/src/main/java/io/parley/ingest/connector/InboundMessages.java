package io.parley.ingest.connector;

import io.parley.events.Channel;
import io.parley.events.Topics;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.kit.kafka.EventPublisher;
import io.parley.kit.web.Problem;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Hands a verified customer's message to Kafka once: a message whose dedup id is remembered is skipped;
 * otherwise it is published and acknowledged by the broker (or {@code 503 events.unavailable} is thrown, so
 * the platform retries) and only then remembered.
 */
@Component
public class InboundMessages {

    private final SeenMessages seen;
    private final EventPublisher events;

    InboundMessages(SeenMessages seen, EventPublisher events) {
        this.seen = seen;
        this.events = events;
    }

    /**
     * Whether the message with this dedup id is in Kafka already: a connector asks before fetching its media
     * and profile, so a re-delivery costs no download.
     */
    public boolean alreadyPublished(Channel channel, String dedupId) {
        return seen.contains(channel, dedupId);
    }

    /** The message's text followed by the notes on media that were not kept, one per line. */
    public static @Nullable String withNotes(@Nullable String text, List<MediaFetcher.Result> media) {
        List<String> notes = media.stream()
                .map(MediaFetcher.Result::note)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (notes.isEmpty()) {
            return text;
        }
        String joined = String.join("\n", notes);
        return text == null || text.isBlank() ? joined : text + "\n" + joined;
    }

    /**
     * @param dedupId the platform's id that a re-delivery repeats, unique within the channel
     * @return true when published now, false when it had been before
     */
    public boolean publishOnce(String dedupId, InboundMessageReceived message) {
        Channel channel = message.channel();
        if (seen.contains(channel, dedupId)) {
            return false;
        }
        events.publishAndWait(Topics.CHANNEL_INBOUND_MESSAGE, message.conversationKey(), message);
        seen.remember(channel, dedupId, message.receivedAt());
        return true;
    }

    /** {@code 401 webhook.bad-signature}: nothing of the body is read. */
    public static Problem badSignature(String header) {
        return new Problem(
                HttpStatus.UNAUTHORIZED,
                "webhook.bad-signature",
                "The " + header + " header is missing or does not match the body");
    }

    /** {@code 404 webhook.unknown-account}: the path names no enabled account of the channel. */
    public static Problem unknownAccount(Channel channel) {
        return Problem.notFound(
                "webhook.unknown-account", "No enabled " + channel.label() + " channel account has this id");
    }

    /** {@code 400 webhook.malformed}. */
    public static Problem malformed(String detail) {
        return Problem.badRequest("webhook.malformed", detail);
    }

    /** A verified body as JSON, or {@code 400 webhook.malformed}. */
    public static JsonNode json(byte[] body) {
        try {
            return PlatformHttp.JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed("The body is not valid JSON");
        }
    }

    /**
     * Checks a {@code Base64(HMAC-SHA256(secret, raw body))} signature header (LINE, WOZTELL) made with the
     * account's secret {@code secretName}, before anything of the body is read.
     */
    public static void requireBase64Hmac(
            ChannelAccount account, String secretName, String header, @Nullable String signature, byte[] body) {
        String secret = account.secrets().get(secretName);
        if (secret == null || secret.isEmpty() || !Hmac.matchesBase64(secret, body, signature)) {
            throw badSignature(header);
        }
    }
}
