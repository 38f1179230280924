package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A WeChat follower's text message, pushed to {@code /webhooks/wechat/{accountId}} as WeChat does: the query
 * carries {@code signature} = SHA-1 hex of the sorted (token, timestamp, nonce), and the body is the message
 * XML. An account with an EncodingAESKey gets it in safe mode, as WeChat sends to such accounts: {@code
 * encrypt_type=aes}, the body {@code <xml><ToUserName/><Encrypt/></xml>} with the message AES-256-CBC
 * encrypted (key = Base64 of the EncodingAESKey plus "=", IV its first 16 bytes, PKCS#7 to 32-byte blocks,
 * plaintext = 16 random bytes, the length in 4 bytes big-endian, the XML, the app id) and {@code
 * msg_signature} = SHA-1 hex of the sorted (token, timestamp, nonce, Encrypt).
 */
@Component
class WeChatCustomer implements CustomerWebhook {

    static final String TOKEN = "token";
    static final String APP_ID = "appId";
    static final String ENCODING_AES_KEY = "encodingAesKey";
    static final String OFFICIAL_ACCOUNT = "gh_demo00000000";
    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public String label() {
        return "WeChat";
    }

    @Override
    public Request build(ChannelAccount account, SimulatedCustomer customer, String text, Instant at) {
        String xml = "<xml><ToUserName>" + cdata(OFFICIAL_ACCOUNT) + "</ToUserName><FromUserName>"
                + cdata(customer.id()) + "</FromUserName><CreateTime>" + at.getEpochSecond()
                + "</CreateTime><MsgType>" + cdata("text") + "</MsgType><Content>" + cdata(text)
                + "</Content><MsgId>" + ThreadLocalRandom.current().nextLong(1L << 60, Long.MAX_VALUE)
                + "</MsgId></xml>";
        String token = account.secrets().getOrDefault(TOKEN, "");
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("signature", sha1Sorted(token, timestamp, nonce));
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        query.put("openid", customer.id());
        byte[] aesKey = aesKey(account.secrets().get(ENCODING_AES_KEY));
        String appId = appId(account);
        String body = xml;
        if (aesKey != null && appId != null) {
            String encrypt = encrypt(aesKey, xml, appId);
            query.put("encrypt_type", "aes");
            query.put("msg_signature", sha1Sorted(token, timestamp, nonce, encrypt));
            body = "<xml><ToUserName>" + cdata(OFFICIAL_ACCOUNT) + "</ToUserName><Encrypt>" + cdata(encrypt)
                    + "</Encrypt></xml>";
        }
        String path = "/webhooks/wechat/" + URLEncoder.encode(account.id(), StandardCharsets.UTF_8) + "?"
                + query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        return new Request(path, "text/xml", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** The account's app id: a setting, or among the secrets where older demo data keeps it. */
    static @Nullable String appId(ChannelAccount account) {
        String appId = account.settings().get(APP_ID);
        return appId != null ? appId : account.secrets().get(APP_ID);
    }

    static String sha1Sorted(String... parts) {
        String joined = Stream.of(parts).sorted().collect(Collectors.joining());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** The AES key of an EncodingAESKey (43 Base64 characters); null without a valid one (plain mode). */
    static byte @Nullable [] aesKey(@Nullable String encodingAesKey) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String encrypt(byte[] key, String xml, String appId) {
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        int length = 16 + 4 + message.length + app.length;
        int padding = BLOCK - length % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(length + padding)
                .put(random)
                .putInt(message.length)
                .put(message)
                .put(app);
        byte[] pad = new byte[padding];
        Arrays.fill(pad, (byte) padding);
        plain.put(pad);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
