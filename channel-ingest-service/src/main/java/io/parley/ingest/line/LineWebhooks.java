package io.parley.ingest.line;

import static io.parley.ingest.connector.PlatformHttp.text;

import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.connector.CustomerProfiles;
import io.parley.ingest.connector.InboundMessages;
import io.parley.ingest.connector.MediaFetcher;
import io.parley.ingest.connector.PlatformHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A LINE webhook after the HTTP layer: {@code x-line-signature} must be Base64(HMAC-SHA256(channel secret,
 * raw body)) of the account in the path before anything is parsed. An empty {@code events} list is the
 * console's verification (200). Each {@code message} event from a user becomes an inbound message (text as
 * is; location and sticker as a placeholder text; image, video, audio and file as a placeholder text plus
 * the file, fetched from {@code GET {api-data}/v2/bot/message/{messageId}/content} into the media store
 * before publishing — or, when it cannot be kept, the reference {@code line-content:<messageId>} and a note),
 * with the customer's name and picture from {@link CustomerProfiles}, deduplicated by {@code webhookEventId}
 * (so a redelivery, {@code deliveryContext.isRedelivery}, publishes nothing new and fetches nothing); its
 * reply token is kept for the reply. Other events (follow, unfollow, postback, …) are acknowledged and not
 * messages.
 */
@Component
class LineWebhooks {

    static final String SIGNATURE = "x-line-signature";
    static final String CHANNEL_SECRET = "channelSecret";
    static final String CONTENT_REF = "line-content:";
    private static final Logger log = LoggerFactory.getLogger(LineWebhooks.class);
    private static final Map<String, String> MEDIA =
            Map.of("image", "image/*", "video", "video/*", "audio", "audio/*", "file", "application/octet-stream");

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final LineReplyTokens replyTokens;
    private final CustomerProfiles profiles;
    private final MediaFetcher media;
    private final LineSettings settings;
    private final Clock clock;

    LineWebhooks(
            ChannelAccounts accounts,
            InboundMessages inbound,
            LineReplyTokens replyTokens,
            CustomerProfiles profiles,
            MediaFetcher media,
            LineSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.replyTokens = replyTokens;
        this.profiles = profiles;
        this.media = media;
        this.settings = settings;
        this.clock = clock;
    }

    /** Verifies and publishes the request's messages; returns how many were new. */
    int receive(String accountId, @Nullable String signature, byte[] body) {
        ChannelAccount account = accounts.enabled(Channel.LINE, accountId)
                .orElseThrow(() -> InboundMessages.unknownAccount(Channel.LINE));
        InboundMessages.requireBase64Hmac(account, CHANNEL_SECRET, SIGNATURE, signature, body);
        JsonNode root = InboundMessages.json(body);
        if (!root.isObject() || !root.path("events").isArray()) {
            throw InboundMessages.malformed("A LINE webhook is an object with an events array");
        }
        Instant receivedAt = clock.instant();
        int published = 0;
        for (JsonNode event : root.path("events")) {
            if (message(account, event, receivedAt)) {
                published++;
            }
        }
        return published;
    }

    private boolean message(ChannelAccount account, JsonNode event, Instant receivedAt) {
        String eventId = text(event, "webhookEventId");
        String userId = text(event.path("source"), "userId");
        JsonNode message = event.path("message");
        String messageId = text(message, "id");
        String type = text(message, "type");
        if (!"message".equals(text(event, "type"))
                || eventId == null
                || userId == null
                || messageId == null
                || type == null) {
            return false;
        }
        ConversationKey conversation = new ConversationKey(Channel.LINE, account.id(), userId);
        String replyToken = text(event, "replyToken");
        if (replyToken != null) {
            replyTokens.keep(conversation, replyToken, receivedAt);
        }
        if (event.path("deliveryContext").path("isRedelivery").asBoolean(false)) {
            log.info("LINE redelivered event {} of account {}", eventId, account.id());
        }
        if (inbound.alreadyPublished(Channel.LINE, eventId)) {
            return false;
        }
        String body = "text".equals(type) ? text(message, "text") : null;
        List<MediaFetcher.Result> kept = MEDIA.containsKey(type)
                ? content(
                        account,
                        messageId,
                        new AttachmentRef(CONTENT_REF + messageId, MEDIA.get(type), text(message, "fileName"), null))
                : List.of();
        long millis = event.path("timestamp").asLong(0);
        return inbound.publishOnce(
                eventId,
                new InboundMessageReceived(
                        conversation,
                        Channel.LINE,
                        account.id(),
                        new EntryPoint(EntryPoint.Type.CHANNEL, account.id(), account.name()),
                        null,
                        profiles.customer(account, userId, null),
                        messageId,
                        InboundMessages.withNotes(body != null ? body : "[" + type + "]", kept),
                        kept.stream().map(MediaFetcher.Result::attachment).toList(),
                        millis > 0 ? Instant.ofEpochMilli(millis) : receivedAt,
                        receivedAt));
    }

    /** The message's file, fetched with the channel access token from the content host. */
    private List<MediaFetcher.Result> content(ChannelAccount account, String messageId, AttachmentRef declared) {
        String token = account.secrets().get(LineSender.TOKEN);
        URI url = URI.create(PlatformHttp.baseUrl(account, settings.dataBaseUrl()) + "/v2/bot/message/"
                + URLEncoder.encode(messageId, StandardCharsets.UTF_8) + "/content");
        return media.keepAll(List.of(new MediaFetcher.Pending(
                declared,
                () -> token == null || token.isBlank()
                        ? MediaFetcher.notKept(declared, "not fetched: the account has no access token")
                        : media.fetch(account, url, token, declared))));
    }
}
