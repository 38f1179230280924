package io.parley.ingest.woztell;

import static io.parley.ingest.connector.PlatformHttp.text;

import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.connector.InboundMessages;
import io.parley.ingest.connector.MediaFetcher;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A WOZTELL webhook after the HTTP layer: {@code X-Woztell-Signature} must be Base64(HMAC-SHA256(channel
 * secret, raw body)) of the account in the path before anything is parsed. The body is one message {@code
 * {from, to, timestamp, type, data, member, channel, app, messageId?}}: {@code TEXT} as its {@code
 * data.text}; any other type as {@code data.text} if there is one, else a placeholder ({@code [image]}), with
 * each attachment URL fetched and kept by the {@link MediaFetcher} (only from WOZTELL's configured media hosts
 * or the account's own platform host; a file not kept stays as its URL, with a note in the text). It is
 * deduplicated by {@code messageId}, else by the SHA-256 of the raw body (both within the account), before
 * any media are fetched. {@code timestamp} comes as seconds (often a string) or milliseconds (a
 * number): a value below 10^11 is read as seconds. The message's {@code channel} is kept per conversation:
 * it is the {@code channelId} replies go out through.
 */
@Component
class WoztellWebhooks {

    static final String SIGNATURE = "X-Woztell-Signature";
    static final String CHANNEL_SECRET = "channelSecret";
    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final Map<String, String> MEDIA = Map.of(
            "image", "image/*",
            "video", "video/*",
            "audio", "audio/*",
            "file", "application/octet-stream");

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final WoztellChannels channels;
    private final MediaFetcher media;
    private final Clock clock;

    WoztellWebhooks(
            ChannelAccounts accounts,
            InboundMessages inbound,
            WoztellChannels channels,
            MediaFetcher media,
            Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.channels = channels;
        this.media = media;
        this.clock = clock;
    }

    /** Verifies and publishes the request's message; returns whether it was new. */
    boolean receive(String accountId, @Nullable String signature, byte[] body) {
        ChannelAccount account = accounts.enabled(Channel.WOZTELL, accountId)
                .orElseThrow(() -> InboundMessages.unknownAccount(Channel.WOZTELL));
        InboundMessages.requireBase64Hmac(account, CHANNEL_SECRET, SIGNATURE, signature, body);
        JsonNode root = InboundMessages.json(body);
        String from = root.isObject() ? text(root, "from") : null;
        String type = root.isObject() ? text(root, "type") : null;
        if (from == null || from.isBlank() || type == null || type.isBlank()) {
            throw InboundMessages.malformed("A WOZTELL webhook is an object with from and type");
        }
        JsonNode data = root.path("data");
        String text = text(data, "text");
        boolean isText = "TEXT".equalsIgnoreCase(type);
        if (isText && (text == null || text.isEmpty())) {
            throw InboundMessages.malformed("A TEXT message needs data.text");
        }
        String kind = type.toLowerCase(Locale.ROOT);
        Instant receivedAt = clock.instant();
        ConversationKey conversation = new ConversationKey(Channel.WOZTELL, account.id(), from);
        String channelId = text(root, "channel");
        if (channelId != null && !channelId.isBlank()) {
            channels.keep(conversation, channelId, receivedAt);
        }
        String messageId = text(root, "messageId");
        String platformId = messageId != null && !messageId.isBlank() ? messageId : "sha256:" + sha256(body);
        String dedupId = account.id() + ":" + platformId;
        if (inbound.alreadyPublished(Channel.WOZTELL, dedupId)) {
            return false;
        }
        List<MediaFetcher.Result> kept = isText ? List.of() : media.keepLinked(account, attachments(kind, data));
        return inbound.publishOnce(
                dedupId,
                new InboundMessageReceived(
                        conversation,
                        Channel.WOZTELL,
                        account.id(),
                        new EntryPoint(EntryPoint.Type.CHANNEL, account.id(), account.name()),
                        null,
                        new Customer(from, null, null, null),
                        platformId,
                        InboundMessages.withNotes(text != null && !text.isEmpty() ? text : "[" + kind + "]", kept),
                        kept.stream().map(MediaFetcher.Result::attachment).toList(),
                        sentAt(root.path("timestamp"), receivedAt),
                        receivedAt));
    }

    private static List<AttachmentRef> attachments(String kind, JsonNode data) {
        List<AttachmentRef> refs = new ArrayList<>();
        JsonNode items = data.path("attachments");
        if (items.isArray()) {
            for (JsonNode item : items) {
                String url = text(item, "url");
                if (url == null) {
                    url = text(item.path("payload"), "url");
                }
                String itemKind = text(item, "type");
                attachment(url, itemKind != null ? itemKind.toLowerCase(Locale.ROOT) : kind, item)
                        .ifPresent(refs::add);
            }
        } else {
            attachment(text(data, "url"), kind, data).ifPresent(refs::add);
        }
        return refs;
    }

    private static Optional<AttachmentRef> attachment(@Nullable String url, String kind, JsonNode item) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String mediaType = text(item, "mimeType");
        String fileName = text(item, "fileName");
        return Optional.of(new AttachmentRef(
                url,
                mediaType != null ? mediaType : MEDIA.getOrDefault(kind, "application/octet-stream"),
                fileName != null ? fileName : text(item, "filename"),
                null));
    }

    /** Seconds or milliseconds, as a number or a string; the receiving time when absent or unreadable. */
    static Instant sentAt(JsonNode timestamp, Instant fallback) {
        if (!timestamp.isNumber() && !timestamp.isString()) {
            return fallback;
        }
        try {
            BigDecimal value = new BigDecimal(timestamp.asString().trim());
            if (value.signum() <= 0) {
                return fallback;
            }
            long millis = value.compareTo(BigDecimal.valueOf(SECONDS_BELOW)) < 0
                    ? value.movePointRight(3).longValue()
                    : value.longValue();
            return Instant.ofEpochMilli(millis);
        } catch (NumberFormatException | ArithmeticException e) {
            return fallback;
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
