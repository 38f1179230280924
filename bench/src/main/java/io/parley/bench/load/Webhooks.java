package io.parley.bench.load;

import io.parley.ingest.wechat.WeChatCrypto;
import io.parley.ingest.wechat.WeChatSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed webhook requests of each messaging channel, for the demo channel accounts (API.md, Demo data),
 * shaped and signed as shared/CHANNELS.md says and as channel-ingest-service's own tests send them:
 * Messenger and WhatsApp with {@code X-Hub-Signature-256} (hex HMAC of the app secret), LINE and WOZTELL
 * with Base64 HMACs of the channel secret, the third-party channel the Standard Webhooks way, WeChat in safe
 * mode (the demo account has an EncodingAESKey: the message XML encrypted and {@code msg_signature} over it,
 * with the ingest service's own {@link WeChatCrypto} and {@link WeChatSignature}).
 */
final class Webhooks {

    /** The demo accounts' secrets (IngestDemoData); the benchmark runs against the demo data. */
    private static final String META_APP_SECRET = "demo-app-secret";

    private static final String LINE_SECRET = "demo-line-secret";
    private static final String WOZTELL_SECRET = "demo-woztell-secret";
    private static final String WECHAT_TOKEN = "demo-wechat-token";
    private static final String WECHAT_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String WECHAT_APP_ID = "wxdemo0000000000";
    private static final byte[] THIRD_PARTY_KEY = Base64.getDecoder().decode("ZGVtby10aGlyZC1wYXJ0eS1zZWNyZXQh");

    /** The messaging channels of the demo data, with the account each one's webhooks name. */
    enum Channel {
        FACEBOOK("demo-page"),
        WHATSAPP("demo-phone"),
        LINE("demo-line"),
        WECHAT("demo-wechat"),
        WOZTELL("demo-woztell"),
        THIRD_PARTY("demo-api");

        final String accountId;

        Channel(String accountId) {
            this.accountId = accountId;
        }
    }

    /** One request to send: path below the gateway, headers, raw body. */
    record Request(String path, Map<String, String> headers, byte[] body) {}

    private Webhooks() {}

    /**
     * A text message from customer {@code customerId}, with the platform's message id {@code messageId}.
     * {@code text} must not need JSON escaping (the benchmark's texts are plain words and digits).
     */
    static Request message(Channel channel, String customerId, String messageId, String text) {
        long millis = System.currentTimeMillis();
        return switch (channel) {
            case FACEBOOK ->
                meta("/webhooks/facebook", """
                    {"object":"page","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},\
                    "recipient":{"id":"%s"},"timestamp":%d,"message":{"mid":"%s","text":"%s"}}]}]}""".formatted(
                                channel.accountId, millis, customerId, channel.accountId, millis, messageId, text));
            case WHATSAPP ->
                meta("/webhooks/whatsapp", """
                    {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages",\
                    "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"85200000000",\
                    "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Bench %s"},"wa_id":"%s"}],\
                    "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}""".formatted(
                                channel.accountId, customerId, customerId, customerId, messageId, millis / 1000, text));
            case LINE -> {
                byte[] body = """
                        {"destination":"U0","events":[{"type":"message","mode":"active","timestamp":%d,\
                        "source":{"type":"user","userId":"%s"},"webhookEventId":"%s",\
                        "deliveryContext":{"isRedelivery":false},"replyToken":"rt-%s",\
                        "message":{"id":"%s","type":"text","text":"%s"}}]}""".formatted(millis, customerId, messageId, messageId, messageId, text)
                        .getBytes(StandardCharsets.UTF_8);
                yield new Request(
                        "/webhooks/line/" + channel.accountId,
                        Map.of("x-line-signature", Base64.getEncoder().encodeToString(hmac(LINE_SECRET, body))),
                        body);
            }
            case WECHAT -> wechat(channel.accountId, customerId, messageId, text, millis / 1000);
            case WOZTELL -> {
                byte[] body = """
                        {"from":"%s","to":"bot","timestamp":%d,"type":"TEXT","data":{"text":"%s"},\
                        "member":"mem-%s","channel":"ch-bench","app":"app-bench","messageId":"%s"}""".formatted(customerId, millis, text, customerId, messageId)
                        .getBytes(StandardCharsets.UTF_8);
                yield new Request(
                        "/webhooks/woztell/" + channel.accountId,
                        Map.of("X-Woztell-Signature", Base64.getEncoder().encodeToString(hmac(WOZTELL_SECRET, body))),
                        body);
            }
            case THIRD_PARTY -> {
                byte[] body =
                        """
                        {"customer":{"id":"%s","name":"Bench %s"},"message":{"id":"%s","text":"%s"}}""".formatted(customerId, customerId, messageId, text).getBytes(StandardCharsets.UTF_8);
                String webhookId = "wh-" + messageId;
                String timestamp = Long.toString(millis / 1000);
                byte[] signed = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
                byte[] content = new byte[signed.length + body.length];
                System.arraycopy(signed, 0, content, 0, signed.length);
                System.arraycopy(body, 0, content, signed.length, body.length);
                yield new Request(
                        "/webhooks/third-party/" + channel.accountId,
                        Map.of(
                                "webhook-id", webhookId,
                                "webhook-timestamp", timestamp,
                                "webhook-signature",
                                        "v1," + Base64.getEncoder().encodeToString(hmac(THIRD_PARTY_KEY, content))),
                        body);
            }
        };
    }

    /** WeChat's safe mode: the text XML encrypted for the app id, signed over token, timestamp, nonce, Encrypt. */
    private static Request wechat(String accountId, String customerId, String messageId, String text, long seconds) {
        // WeChat's MsgId is a number: one derived from the benchmark's id keeps each message distinct.
        long msgId = UUID.nameUUIDFromBytes(messageId.getBytes(StandardCharsets.UTF_8))
                        .getMostSignificantBits()
                & Long.MAX_VALUE;
        String xml = "<xml><ToUserName><![CDATA[gh_demo00000000]]></ToUserName><FromUserName><![CDATA[" + customerId
                + "]]></FromUserName><CreateTime>" + seconds + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        String encrypt = WeChatCrypto.encrypt(WECHAT_AES_KEY, xml, WECHAT_APP_ID);
        String timestamp = Long.toString(seconds);
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
        String path = "/webhooks/wechat/" + accountId + "?signature="
                + WeChatSignature.of(WECHAT_TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8)
                + "&encrypt_type=aes&msg_signature="
                + WeChatSignature.of(WECHAT_TOKEN, timestamp, nonce, encrypt);
        byte[] body = ("<xml><ToUserName><![CDATA[gh_demo00000000]]></ToUserName><Encrypt><![CDATA[" + encrypt
                        + "]]></Encrypt></xml>")
                .getBytes(StandardCharsets.UTF_8);
        return new Request(path, Map.of("Content-Type", "text/xml"), body);
    }

    private static Request meta(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Request(
                path,
                Map.of("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(META_APP_SECRET, body))),
                body);
    }

    static byte[] hmac(String secret, byte[] body) {
        return hmac(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
