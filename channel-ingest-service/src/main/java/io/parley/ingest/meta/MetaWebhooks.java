package io.parley.ingest.meta;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.connector.CustomerProfiles;
import io.parley.ingest.connector.InboundMessages;
import io.parley.ingest.connector.MediaFetcher;
import io.parley.ingest.meta.MetaNotification.MalformedException;
import io.parley.ingest.outbound.OutboundRecord;
import io.parley.ingest.outbound.OutboundRecords;
import io.parley.kit.kafka.EventPublisher;
import io.parley.kit.web.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The Messenger and WhatsApp webhooks after the HTTP layer. A request is verified before any byte of it is
 * parsed: its signature must match the app secret of one of the channel's enabled accounts (all pages or
 * numbers of one Meta app share that secret, so there are few to try, and an unverified body is never even
 * read to pick one). It may then speak only for accounts with that same secret: a page or number unknown
 * here is logged and ignored. Each new message gets its customer's profile ({@link CustomerProfiles}) and its
 * media fetched into the media store ({@link MetaMedia}) — before it is published, so the one event carries
 * the final references; a re-delivered message is skipped before any of that — and is published and
 * acknowledged by Kafka before the next and before the 200; statuses of our outbound messages are matched by the platform's id we stored on sending.
 */
@Component
class MetaWebhooks {

    static final String APP_SECRET = "appSecret";
    static final String VERIFY_TOKEN = "verifyToken";
    private static final Logger log = LoggerFactory.getLogger(MetaWebhooks.class);

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final OutboundRecords outbound;
    private final EventPublisher events;
    private final CustomerProfiles profiles;
    private final MetaMedia media;
    private final Clock clock;

    MetaWebhooks(
            ChannelAccounts accounts,
            InboundMessages inbound,
            OutboundRecords outbound,
            EventPublisher events,
            CustomerProfiles profiles,
            MetaMedia media,
            Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.outbound = outbound;
        this.events = events;
        this.profiles = profiles;
        this.media = media;
        this.clock = clock;
    }

    /** The subscribe handshake: true when {@code verifyToken} is the verify token of an account of the channel. */
    boolean verifiesSubscription(Channel channel, @Nullable String mode, @Nullable String verifyToken) {
        if (!"subscribe".equals(mode) || verifyToken == null || verifyToken.isEmpty()) {
            return false;
        }
        byte[] offered = verifyToken.getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (ChannelAccount account : accounts.enabledOn(channel)) {
            String expected = account.secrets().get(VERIFY_TOKEN);
            matched |= expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), offered);
        }
        return matched;
    }

    /** Verifies, normalises and publishes one notification; returns how many messages were published. */
    int receive(Channel channel, @Nullable String signature, byte[] body) {
        List<ChannelAccount> candidates = accounts.enabledOn(channel);
        String secret = verifyingSecret(candidates, signature, body)
                .orElseThrow(() -> InboundMessages.badSignature(WebhookSignature.HEADER));
        MetaNotification notification = read(channel, body);
        Instant receivedAt = clock.instant();
        int published = 0;
        for (MetaNotification.Message message : notification.messages()) {
            Optional<ChannelAccount> account = account(candidates, secret, message.accountId(), channel);
            if (account.isPresent()
                    && !inbound.alreadyPublished(channel, message.platformMessageId())
                    && inbound.publishOnce(
                            message.platformMessageId(), inbound(channel, account.get(), message, receivedAt))) {
                published++;
            }
        }
        for (MetaNotification.Status status : notification.statuses()) {
            if (account(candidates, secret, status.accountId(), channel).isEmpty()) {
                continue;
            }
            Optional<OutboundRecord> ours = outbound.byPlatformMessageId(status.platformMessageId());
            if (ours.isEmpty()) {
                log.debug("A {} status for a message we did not send: ignored", channel);
                continue;
            }
            OutboundRecord record = ours.get();
            ConversationKey key = ConversationKey.parse(record.conversationKey());
            events.publishAndWait(
                    Topics.CHANNEL_DELIVERY_STATUS,
                    key,
                    new DeliveryStatusChanged(
                            record.id(),
                            key,
                            record.roomId(),
                            record.roomSeq(),
                            status.status(),
                            status.platformMessageId(),
                            status.failure(),
                            status.at()));
        }
        return published;
    }

    private static Optional<String> verifyingSecret(
            List<ChannelAccount> candidates, @Nullable String signature, byte[] body) {
        Set<String> secrets = new LinkedHashSet<>();
        for (ChannelAccount account : candidates) {
            String secret = account.secrets().get(APP_SECRET);
            if (secret != null && !secret.isEmpty()) {
                secrets.add(secret);
            }
        }
        if (WebhookSignature.decode(signature) == null) {
            return Optional.empty();
        }
        return secrets.stream()
                .filter(secret -> WebhookSignature.matches(secret, body, signature))
                .findFirst();
    }

    private static MetaNotification read(Channel channel, byte[] body) {
        JsonNode root = InboundMessages.json(body);
        try {
            return channel == Channel.FACEBOOK ? MessengerNotifications.read(root) : WhatsAppNotifications.read(root);
        } catch (MalformedException e) {
            throw Problem.badRequest("webhook.malformed", e.getMessage());
        }
    }

    /** The account a verified notification speaks for: known here, of this channel, with the same secret. */
    private static Optional<ChannelAccount> account(
            List<ChannelAccount> candidates, String secret, String accountId, Channel channel) {
        Optional<ChannelAccount> account = candidates.stream()
                .filter(candidate -> candidate.id().equals(accountId))
                .filter(candidate -> secret.equals(candidate.secrets().get(APP_SECRET)))
                .findFirst();
        if (account.isEmpty()) {
            log.warn("A {} notification for account {}, unknown here or of another app: ignored", channel, accountId);
        }
        return account;
    }

    private static ConversationKey key(Channel channel, ChannelAccount account, String customerId) {
        return new ConversationKey(channel, account.id(), customerId);
    }

    private InboundMessageReceived inbound(
            Channel channel, ChannelAccount account, MetaNotification.Message message, Instant receivedAt) {
        List<MediaFetcher.Result> kept = media.keep(channel, account, message.attachments());
        return new InboundMessageReceived(
                key(channel, account, message.customerId()),
                channel,
                account.id(),
                new EntryPoint(EntryPoint.Type.CHANNEL, account.id(), account.name()),
                null,
                profiles.customer(account, message.customerId(), message.customerName()),
                message.platformMessageId(),
                InboundMessages.withNotes(message.text(), kept),
                kept.stream().map(MediaFetcher.Result::attachment).toList(),
                message.sentAt(),
                receivedAt);
    }
}
