package io.parley.ingest.thirdparty;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.connector.ConnectorSettings;
import io.parley.ingest.connector.InboundMessages;
import io.parley.ingest.connector.MediaFetcher;
import io.parley.kit.web.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A third-party system's message after the HTTP layer. The path names the account; its secret (secret {@code
 * secret}, {@code whsec_…}) must have signed {@code webhook-id.webhook-timestamp.body}, and the timestamp must
 * be within the tolerance of our clock (a captured request cannot be replayed later); only then is the body
 * parsed ({@link ThirdPartyMessage}). A re-delivery repeats its {@code webhook-id}, which is remembered per
 * account: it is answered 2xx and not published again (nor its files fetched again). Attachments are fetched
 * and kept by the {@link MediaFetcher} only from the host and port of the account's callback URL (its {@code
 * platformBaseUrl}): a system serves its customers' files next to the endpoint it receives replies on. A file
 * elsewhere, or not kept, stays as its URL with a note in the text.
 */
@Component
class ThirdPartyWebhooks {

    static final String SECRET = "secret";

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final ConnectorSettings settings;
    private final MediaFetcher media;
    private final Clock clock;

    ThirdPartyWebhooks(
            ChannelAccounts accounts,
            InboundMessages inbound,
            ConnectorSettings settings,
            MediaFetcher media,
            Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.settings = settings;
        this.media = media;
        this.clock = clock;
    }

    /** Verifies and publishes one message; false when it was a re-delivery. */
    boolean receive(
            String accountId,
            @Nullable String webhookId,
            @Nullable String timestamp,
            @Nullable String signature,
            byte[] body) {
        ChannelAccount account = accounts.enabled(Channel.THIRD_PARTY, accountId)
                .orElseThrow(() -> InboundMessages.unknownAccount(Channel.THIRD_PARTY));
        byte[] key = StandardWebhooks.key(account.secrets().get(SECRET));
        if (key == null
                || webhookId == null
                || webhookId.isBlank()
                || webhookId.length() > ThirdPartyMessage.MAX_ID
                || timestamp == null
                || !StandardWebhooks.matches(key, webhookId, timestamp, body, signature)) {
            throw InboundMessages.badSignature(StandardWebhooks.SIGNATURE);
        }
        Instant now = clock.instant();
        Instant signedAt = seconds(timestamp);
        if (signedAt == null || Duration.between(signedAt, now).abs().compareTo(settings.timestampTolerance()) > 0) {
            throw new Problem(
                    HttpStatus.UNAUTHORIZED,
                    "webhook.stale",
                    "webhook-timestamp is more than "
                            + settings.timestampTolerance().toSeconds() + " s away from our clock");
        }
        JsonNode root = InboundMessages.json(body);
        ThirdPartyMessage message = ThirdPartyMessage.read(root, now);
        ConversationKey conversation = new ConversationKey(
                Channel.THIRD_PARTY, account.id(), message.customer().externalId());
        String dedupId = account.id() + ":" + webhookId;
        if (inbound.alreadyPublished(Channel.THIRD_PARTY, dedupId)) {
            return false;
        }
        List<MediaFetcher.Result> kept = media.keepLinked(account, message.attachments());
        return inbound.publishOnce(
                dedupId,
                new InboundMessageReceived(
                        conversation,
                        Channel.THIRD_PARTY,
                        account.id(),
                        new EntryPoint(EntryPoint.Type.CHANNEL, account.id(), account.name()),
                        null,
                        message.customer(),
                        message.messageId(),
                        InboundMessages.withNotes(message.text(), kept),
                        kept.stream().map(MediaFetcher.Result::attachment).toList(),
                        message.sentAt(),
                        now));
    }

    private static @Nullable Instant seconds(String timestamp) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }
}
