package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.ingest.wechat.WeChatSignature;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The benchmark's webhooks are signed over their exact bytes, each the way its platform signs. */
class WebhooksTest {

    @Test
    void messengerIsSignedWithTheAppSecretInHex() {
        Webhooks.Request request = Webhooks.message(Webhooks.Channel.FACEBOOK, "cust-1", "mid-1", "bench c1 m0");

        assertThat(request.path()).isEqualTo("/webhooks/facebook");
        assertThat(request.headers().get("X-Hub-Signature-256"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(Webhooks.hmac("demo-app-secret", request.body())));
        assertThat(new String(request.body(), StandardCharsets.UTF_8))
                .contains("\"mid\":\"mid-1\"", "\"text\":\"bench c1 m0\"", "\"id\":\"demo-page\"");
    }

    @Test
    void thirdPartySignsIdTimestampAndBodyTheStandardWebhooksWay() {
        Webhooks.Request request = Webhooks.message(Webhooks.Channel.THIRD_PARTY, "cust-1", "mid-1", "bench c1 m0");

        String signed = request.headers().get("webhook-id") + "."
                + request.headers().get("webhook-timestamp") + "." + new String(request.body(), StandardCharsets.UTF_8);
        byte[] key = Base64.getDecoder().decode("ZGVtby10aGlyZC1wYXJ0eS1zZWNyZXQh");
        assertThat(request.path()).isEqualTo("/webhooks/third-party/demo-api");
        assertThat(request.headers().get("webhook-signature"))
                .isEqualTo("v1,"
                        + Base64.getEncoder()
                                .encodeToString(Webhooks.hmac(key, signed.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void lineAndWoztellCarryBase64SignaturesOfTheirChannelSecrets() {
        Webhooks.Request line = Webhooks.message(Webhooks.Channel.LINE, "u1", "e1", "bench c2 m0");
        Webhooks.Request woztell = Webhooks.message(Webhooks.Channel.WOZTELL, "u1", "w1", "bench c3 m0");

        assertThat(line.headers().get("x-line-signature"))
                .isEqualTo(Base64.getEncoder().encodeToString(Webhooks.hmac("demo-line-secret", line.body())));
        assertThat(woztell.headers().get("X-Woztell-Signature"))
                .isEqualTo(Base64.getEncoder().encodeToString(Webhooks.hmac("demo-woztell-secret", woztell.body())));
    }

    @Test
    void weChatIsSentInSafeModeEncryptedForTheDemoAppAndSignedOverTheCiphertext() throws Exception {
        Webhooks.Request request = Webhooks.message(Webhooks.Channel.WECHAT, "o-cust-1", "mid-1", "bench c4 m0");

        URI uri = URI.create(request.path());
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv[1]);
        }
        Matcher encrypted = Pattern.compile("<Encrypt><!\\[CDATA\\[(.+)]]></Encrypt>")
                .matcher(new String(request.body(), StandardCharsets.UTF_8));
        assertThat(encrypted.find()).isTrue();
        String encrypt = encrypted.group(1);
        assertThat(uri.getPath()).isEqualTo("/webhooks/wechat/demo-wechat");
        assertThat(query.get("encrypt_type")).isEqualTo("aes");
        assertThat(query.get("msg_signature"))
                .isEqualTo(
                        WeChatSignature.of("demo-wechat-token", query.get("timestamp"), query.get("nonce"), encrypt));
        assertThat(query.get("signature"))
                .isEqualTo(WeChatSignature.of("demo-wechat-token", query.get("timestamp"), query.get("nonce")));

        // Decrypted as WeChat's documentation says: AES-256-CBC, IV = the key's first 16 bytes, 32-byte PKCS#7.
        byte[] key = Base64.getDecoder().decode("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG=");
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        byte[] plain = cipher.doFinal(Base64.getDecoder().decode(encrypt));
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        String xml = new String(plain, 20, length, StandardCharsets.UTF_8);
        String appId = new String(
                plain, 20 + length, plain.length - plain[plain.length - 1] - 20 - length, StandardCharsets.UTF_8);
        assertThat(xml)
                .contains(
                        "<FromUserName><![CDATA[o-cust-1]]></FromUserName>",
                        "<Content><![CDATA[bench c4 m0]]></Content>");
        assertThat(appId).isEqualTo("wxdemo0000000000");
    }
}
