package io.parley.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.wechat.WeChatPlatform;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The WeChat push the simulator builds, checked the way WeChat's documentation says a receiver checks it:
 * the query signature over (token, timestamp, nonce), the safe-mode {@code msg_signature} over the
 * ciphertext too, and the AES-256-CBC plaintext (random, length, XML, app id) with the text intact.
 */
class WeChatCustomerTest {

    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void aSafeModePushIsSignedAndDecryptsToTheMessageAndTheAppId() throws Exception {
        ChannelAccount account = account(Map.of("token", "tok", "appSecret", "s", "encodingAesKey", AES_KEY));
        String text = "Hi ]]> <b>there</b> 你好";

        CustomerWebhook.Request request = new WeChatCustomer()
                .build(account, new SimulatedCustomer("oSIMabc", "Wei"), text, Instant.ofEpochSecond(1_700_000_000));

        assertThat(request.pathAndQuery()).startsWith("/webhooks/wechat/demo-wechat?");
        Map<String, String> query = query(request.pathAndQuery());
        assertThat(query).containsEntry("timestamp", "1700000000").containsEntry("encrypt_type", "aes");
        assertThat(query.get("signature"))
                .isEqualTo(WeChatPlatform.sign("tok", query.get("timestamp"), query.get("nonce")));
        String body = new String(request.body(), StandardCharsets.UTF_8);
        String encrypt = element(body, "Encrypt");
        assertThat(query.get("msg_signature"))
                .isEqualTo(WeChatPlatform.sign("tok", query.get("timestamp"), query.get("nonce"), encrypt));

        byte[] plain = decrypt(encrypt);
        int padding = plain[plain.length - 1];
        assertThat(padding).isBetween(1, 32);
        ByteBuffer buffer = ByteBuffer.wrap(plain, 16, plain.length - 16 - padding);
        byte[] xml = new byte[buffer.getInt()];
        buffer.get(xml);
        byte[] appId = new byte[buffer.remaining()];
        buffer.get(appId);
        assertThat(new String(appId, StandardCharsets.UTF_8)).isEqualTo("wxdemo0000000000");
        String message = new String(xml, StandardCharsets.UTF_8);
        assertThat(element(message, "FromUserName")).isEqualTo("oSIMabc");
        assertThat(element(message, "MsgType")).isEqualTo("text");
        assertThat(element(message, "Content")).isEqualTo(text);
    }

    @Test
    void anAccountWithoutAnAesKeyGetsAPlainPush() {
        ChannelAccount account = account(Map.of("token", "tok"));

        CustomerWebhook.Request request =
                new WeChatCustomer().build(account, new SimulatedCustomer("oSIMabc", "Wei"), "Hello", Instant.now());

        Map<String, String> query = query(request.pathAndQuery());
        assertThat(query).doesNotContainKey("encrypt_type").doesNotContainKey("msg_signature");
        assertThat(query.get("signature"))
                .isEqualTo(WeChatPlatform.sign("tok", query.get("timestamp"), query.get("nonce")));
        assertThat(element(new String(request.body(), StandardCharsets.UTF_8), "Content"))
                .isEqualTo("Hello");
    }

    private static ChannelAccount account(Map<String, String> secrets) {
        return new ChannelAccount(
                "demo-wechat",
                Channel.WECHAT,
                "Demo WeChat account",
                true,
                secrets,
                Map.of("appId", "wxdemo0000000000"),
                "http://127.0.0.1:1/simulator",
                null,
                Map.of(),
                List.of(),
                Instant.now());
    }

    private static Map<String, String> query(String pathAndQuery) {
        Map<String, String> query = new HashMap<>();
        for (String pair : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    /** An element's text, its CDATA sections joined (as an XML parser reads them). */
    private static String element(String xml, String name) {
        Matcher matcher = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL)
                .matcher(xml);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1).replaceAll("<!\\[CDATA\\[(.*?)]]>", "$1");
    }

    private static byte[] decrypt(String encrypt) throws Exception {
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return cipher.doFinal(Base64.getDecoder().decode(encrypt));
    }
}
