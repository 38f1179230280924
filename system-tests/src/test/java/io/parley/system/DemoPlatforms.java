package io.parley.system;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What each messaging platform sends to the demo accounts (API.md, Demo data) when a customer writes a text:
 * the payload and the signature as the platform documents them (CHANNELS.md), written here independently of
 * channel-ingest-service's classes, so the product is checked against the documentation and not against
 * itself.
 */
final class DemoPlatforms {

    static final String META_APP_SECRET = "demo-app-secret";
    static final String LINE_SECRET = "demo-line-secret";
    static final String WECHAT_TOKEN = "demo-wechat-token";
    static final String WECHAT_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String WECHAT_APP_ID = "wxdemo0000000000";
    static final String WOZTELL_SECRET = "demo-woztell-secret";
    static final String THIRD_PARTY_SECRET = "whsec_ZGVtby10aGlyZC1wYXJ0eS1zZWNyZXQh";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoPlatforms() {}

    /** Messenger: a page notification signed {@code X-Hub-Signature-256: sha256=<hex HMAC>} with the app secret. */
    static SignedWebhook messenger(String psid, String mid, String text) {
        String body = json(Map.of(
                "object",
                "page",
                "entry",
                List.of(Map.of(
                        "id",
                        "demo-page",
                        "time",
                        Instant.now().toEpochMilli(),
                        "messaging",
                        List.of(Map.of(
                                "sender", Map.of("id", psid),
                                "recipient", Map.of("id", "demo-page"),
                                "timestamp", Instant.now().toEpochMilli(),
                                "message", Map.of("mid", mid, "text", text)))))));
        return SignedWebhook.json("/webhooks/facebook", body, Map.of("X-Hub-Signature-256", metaSignature(body)));
    }

    /** WhatsApp Cloud API: a messages change naming the contact, signed as Messenger is. */
    static SignedWebhook whatsApp(String waId, String name, String wamid, String text) {
        Map<String, Object> value = Map.of(
                "messaging_product",
                "whatsapp",
                "metadata",
                Map.of("display_phone_number", "85200000000", "phone_number_id", "demo-phone"),
                "contacts",
                List.of(Map.of("profile", Map.of("name", name), "wa_id", waId)),
                "messages",
                List.of(Map.of(
                        "from",
                        waId,
                        "id",
                        wamid,
                        "timestamp",
                        Long.toString(Instant.now().getEpochSecond()),
                        "type",
                        "text",
                        "text",
                        Map.of("body", text))));
        String body = json(Map.of(
                "object",
                "whatsapp_business_account",
                "entry",
                List.of(Map.of("id", "WABA", "changes", List.of(Map.of("field", "messages", "value", value))))));
        return SignedWebhook.json("/webhooks/whatsapp", body, Map.of("X-Hub-Signature-256", metaSignature(body)));
    }

    /** LINE: a message event signed {@code x-line-signature: Base64(HMAC-SHA256(channel secret, body))}. */
    static SignedWebhook line(String userId, String eventId, String text) {
        String body = json(Map.of(
                "destination",
                "Udemo",
                "events",
                List.of(Map.of(
                        "type",
                        "message",
                        "mode",
                        "active",
                        "timestamp",
                        Instant.now().toEpochMilli(),
                        "source",
                        Map.of("type", "user", "userId", userId),
                        "webhookEventId",
                        eventId,
                        "deliveryContext",
                        Map.of("isRedelivery", false),
                        "replyToken",
                        "rt-" + eventId,
                        "message",
                        Map.of("id", eventId, "type", "text", "text", text)))));
        return SignedWebhook.json(
                "/webhooks/line/demo-line", body, Map.of("x-line-signature", base64Hmac(LINE_SECRET, body)));
    }

    /**
     * WeChat in safe mode (the demo account has an EncodingAESKey): the text message's XML encrypted with
     * AES-256-CBC — 16 random bytes, its length (4 bytes, big-endian), the XML, the app id, PKCS#7 to 32-byte
     * blocks, key Base64(EncodingAESKey + "="), IV its first 16 bytes — inside an {@code Encrypt} element;
     * {@code msg_signature} is the SHA-1 hex of the sorted token, timestamp, nonce and ciphertext.
     */
    static SignedWebhook weChat(String openId, String msgId, String text) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String xml = "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName><CreateTime>" + timestamp
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text
                + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        String encrypted = weChatEncrypt(xml);
        String nonce = Long.toString(RANDOM.nextLong(1, Long.MAX_VALUE));
        String path = "/webhooks/wechat/demo-wechat?signature=" + sha1(WECHAT_TOKEN, timestamp, nonce)
                + "&timestamp=" + timestamp + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                + URLEncoder.encode(sha1(WECHAT_TOKEN, timestamp, nonce, encrypted), StandardCharsets.UTF_8);
        String body = "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
        return new SignedWebhook(path, Map.of("Content-Type", "text/xml"), body.getBytes(StandardCharsets.UTF_8));
    }

    /** WOZTELL: a TEXT message signed {@code X-Woztell-Signature: Base64(HMAC-SHA256(channel secret, body))}. */
    static SignedWebhook woztell(String from, String messageId, String text) {
        String body = json(Map.of(
                "from", from,
                "to", "bot",
                "timestamp", Instant.now().toEpochMilli(),
                "type", "TEXT",
                "data", Map.of("text", text),
                "messageId", messageId,
                "member", "mem-demo",
                "channel", "ch-demo",
                "app", "app-demo"));
        return SignedWebhook.json(
                "/webhooks/woztell/demo-woztell",
                body,
                Map.of("X-Woztell-Signature", base64Hmac(WOZTELL_SECRET, body)));
    }

    /**
     * A third-party system: our contract's body signed as Standard Webhooks specify — {@code webhook-signature:
     * v1,Base64(HMAC-SHA256(Base64-decoded secret, "id.timestamp.body"))}.
     */
    static SignedWebhook thirdParty(String customerId, String name, String avatarUrl, String messageId, String text) {
        String body = json(Map.of(
                "customer",
                Map.of("id", customerId, "name", name, "avatarUrl", avatarUrl),
                "message",
                Map.of("id", messageId, "text", text)));
        String webhookId = "wh-" + messageId;
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] key = Base64.getDecoder().decode(THIRD_PARTY_SECRET.substring("whsec_".length()));
        String signed = webhookId + "." + timestamp + "." + body;
        return SignedWebhook.json(
                "/webhooks/third-party/demo-api",
                body,
                Map.of(
                        "webhook-id",
                        webhookId,
                        "webhook-timestamp",
                        timestamp,
                        "webhook-signature",
                        "v1," + Base64.getEncoder().encodeToString(hmac(key, signed))));
    }

    private static String metaSignature(String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(META_APP_SECRET.getBytes(StandardCharsets.UTF_8), body));
    }

    private static String base64Hmac(String secret, String body) {
        return Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha1(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1")
                            .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String weChatEncrypt(String xml) {
        byte[] key = Base64.getDecoder().decode(WECHAT_AES_KEY + "=");
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        byte[] appId = WECHAT_APP_ID.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + message.length + appId.length;
        int pad = 32 - length % 32;
        byte[] prefix = new byte[16];
        RANDOM.nextBytes(prefix);
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(prefix).putInt(message.length).put(message).put(appId);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return Base64.getEncoder().encodeToString(aes.doFinal(plain.array()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, ?> value) {
        return Gateway.JSON.writeValueAsString(value);
    }
}
