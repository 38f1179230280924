package io.parley.ingest.wechat;

import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.connector.ConnectorSettings;
import io.parley.ingest.connector.InboundMessages;
import io.parley.ingest.connector.SeenMessages;
import io.parley.kit.web.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A WeChat webhook after the HTTP layer. The query's {@code signature} (SHA-1 of the sorted token, timestamp
 * and nonce) proves the URL check and plain-mode pushes; in safe mode ({@code encrypt_type=aes}) {@code
 * msg_signature} covers the {@code Encrypt} element too, which is then decrypted and must be for the
 * account's app id. An account with an EncodingAESKey takes only safe-mode pushes (plain mode signs nothing
 * of the body). The signed timestamp must be within the tolerance of our clock. Text, image, voice, video and
 * the other message kinds become inbound messages, deduplicated by MsgId within the account, with the
 * customer's profile and media fetched within a budget ({@link WeChatEnrichment}). Events (subscribe,
 * unsubscribe, menu clicks) are acknowledged and open nothing: a follow says nothing staff could answer, and
 * the customer's first message opens the enquiry (and its welcome message).
 */
@Component
class WeChatWebhooks {

    static final String TOKEN = "token";
    static final String ENCODING_AES_KEY = "encodingAesKey";
    static final int MAX_ECHO = 256;
    private static final Logger log = LoggerFactory.getLogger(WeChatWebhooks.class);

    private final ChannelAccounts accounts;
    private final InboundMessages inbound;
    private final SeenMessages seen;
    private final WeChatEnrichment enrichment;
    private final ConnectorSettings connectors;
    private final Clock clock;

    WeChatWebhooks(
            ChannelAccounts accounts,
            InboundMessages inbound,
            SeenMessages seen,
            WeChatEnrichment enrichment,
            ConnectorSettings connectors,
            Clock clock) {
        this.accounts = accounts;
        this.inbound = inbound;
        this.seen = seen;
        this.enrichment = enrichment;
        this.connectors = connectors;
        this.clock = clock;
    }

    /** The signed query every WeChat request carries. */
    record Query(
            @Nullable String signature,
            @Nullable String timestamp,
            @Nullable String nonce,
            @Nullable String encryptType,
            @Nullable String msgSignature) {

        boolean safeMode() {
            return "aes".equals(encryptType);
        }
    }

    /** The URL check: {@code echostr} when the signature is the account's, else 403. */
    String verifyUrl(String accountId, Query query, @Nullable String echo) {
        ChannelAccount account = account(accountId);
        if (echo == null || echo.isEmpty() || echo.length() > MAX_ECHO) {
            throw InboundMessages.malformed("echostr is missing or too long");
        }
        if (!WeChatSignature.matches(query.signature(), token(account), query.timestamp(), query.nonce())) {
            throw new Problem(HttpStatus.FORBIDDEN, "webhook.forbidden", "The signature is not this account's");
        }
        return echo;
    }

    /** Verifies and publishes one push; returns whether a new message was published. */
    boolean receive(String accountId, Query query, byte[] body) {
        ChannelAccount account = account(accountId);
        String token = token(account);
        Map<String, String> fields =
                query.safeMode() ? decrypted(account, token, query, body) : plain(account, token, query, body);
        requireFresh(query.timestamp());
        WeChatMessage message;
        try {
            message = WeChatMessage.of(fields);
        } catch (WeChatXml.MalformedXmlException e) {
            throw InboundMessages.malformed(e.getMessage());
        }
        if (message.isEvent()) {
            log.debug("WeChat event {} of account {}: acknowledged", message.event(), account.id());
            return false;
        }
        String dedupId = account.id() + ":" + message.dedupId();
        if (seen.contains(Channel.WECHAT, dedupId)) {
            return false;
        }
        WeChatEnrichment.Enriched enriched = enrichment.enrich(account, message);
        Instant receivedAt = clock.instant();
        List<AttachmentRef> attachments = enriched.attachment() == null ? List.of() : List.of(enriched.attachment());
        return inbound.publishOnce(
                dedupId,
                new InboundMessageReceived(
                        new ConversationKey(Channel.WECHAT, account.id(), message.fromUser()),
                        Channel.WECHAT,
                        account.id(),
                        new EntryPoint(EntryPoint.Type.CHANNEL, account.id(), account.name()),
                        null,
                        new Customer(
                                message.fromUser(),
                                enriched.profile().nickname(),
                                enriched.profile().photoUrl(),
                                null),
                        message.msgId() != null ? message.msgId() : message.dedupId(),
                        text(message),
                        attachments,
                        message.sentAt(receivedAt),
                        receivedAt));
    }

    private ChannelAccount account(String accountId) {
        return accounts.enabled(Channel.WECHAT, accountId)
                .orElseThrow(() -> InboundMessages.unknownAccount(Channel.WECHAT));
    }

    /** The account's token; without one nothing can be verified, so nothing is accepted. */
    private static String token(ChannelAccount account) {
        String token = account.secrets().get(TOKEN);
        if (token == null || token.isEmpty()) {
            throw InboundMessages.badSignature("signature");
        }
        return token;
    }

    private static Map<String, String> plain(ChannelAccount account, String token, Query query, byte[] body) {
        if (!WeChatSignature.matches(query.signature(), token, query.timestamp(), query.nonce())) {
            throw InboundMessages.badSignature("signature");
        }
        String aesKey = account.secrets().get(ENCODING_AES_KEY);
        if (aesKey != null && !aesKey.isEmpty()) {
            throw new Problem(
                    HttpStatus.UNAUTHORIZED,
                    "webhook.bad-signature",
                    "This account takes only safe-mode (encrypt_type=aes) messages");
        }
        return xml(body);
    }

    private static Map<String, String> decrypted(ChannelAccount account, String token, Query query, byte[] body) {
        String aesKey = account.secrets().get(ENCODING_AES_KEY);
        String appId = account.setting(WeChatAccessTokens.APP_ID);
        if (aesKey == null || aesKey.isEmpty() || appId == null) {
            throw InboundMessages.malformed("This account has no EncodingAESKey and app id for safe mode");
        }
        String encrypt = xml(body).get("Encrypt");
        if (encrypt == null || encrypt.isEmpty()) {
            throw InboundMessages.malformed("A safe-mode body has an Encrypt element");
        }
        if (!WeChatSignature.matches(query.msgSignature(), token, query.timestamp(), query.nonce(), encrypt)) {
            throw InboundMessages.badSignature("msg_signature");
        }
        try {
            return xml(WeChatCrypto.decrypt(aesKey, encrypt, appId));
        } catch (WeChatCrypto.UndecryptableException e) {
            throw InboundMessages.malformed("Encrypt cannot be read: " + e.getMessage());
        }
    }

    private static Map<String, String> xml(byte[] body) {
        try {
            return WeChatXml.fields(body);
        } catch (WeChatXml.MalformedXmlException e) {
            throw InboundMessages.malformed(e.getMessage());
        }
    }

    /** The signed timestamp must be near our clock: a captured request cannot be played again later. */
    private void requireFresh(@Nullable String timestamp) {
        Duration tolerance = connectors.timestampTolerance();
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp);
        } catch (NumberFormatException e) {
            throw InboundMessages.badSignature("timestamp");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                        .abs()
                        .compareTo(tolerance)
                > 0) {
            throw new Problem(
                    HttpStatus.UNAUTHORIZED,
                    "webhook.stale",
                    "timestamp is more than " + tolerance.toSeconds() + " s away from our clock");
        }
    }

    private static String text(WeChatMessage message) {
        if ("text".equals(message.type())
                && message.content() != null
                && !message.content().isEmpty()) {
            return message.content();
        }
        return "[" + message.type() + "]";
    }

    static byte[] success() {
        return "success".getBytes(StandardCharsets.UTF_8);
    }
}
