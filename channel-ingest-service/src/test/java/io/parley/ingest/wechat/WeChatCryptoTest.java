package io.parley.ingest.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Safe mode both ways: what WeChat encrypts (here {@link WeChatIT#encrypt}, written from the documentation)
 * decrypts to the message for the right app only, padded to 32-byte blocks.
 */
class WeChatCryptoTest {

    static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void aMessageEncryptedAsWeChatDoesIsReadForItsApp() throws Exception {
        String xml = "<xml><Content><![CDATA[你好]]></Content></xml>";

        byte[] plain = WeChatCrypto.decrypt(KEY, WeChatPlatform.encrypt(KEY, xml, "wxapp"), "wxapp");

        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(xml);
    }

    @Test
    void whatThisClassEncryptsIsPaddedToBlocksOf32AndReadsBack() throws Exception {
        for (int length = 0; length < 70; length++) {
            String xml = "x".repeat(length);
            String encrypted = WeChatCrypto.encrypt(KEY, xml, "wxapp");

            assertThat(Base64.getDecoder().decode(encrypted).length % 32).isZero();
            assertThat(WeChatCrypto.decrypt(KEY, encrypted, "wxapp")).isEqualTo(xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anotherAppAnotherKeyOrGarbageIsRefused() {
        String encrypted = WeChatPlatform.encrypt(KEY, "<xml/>", "wxapp");

        assertThatThrownBy(() -> WeChatCrypto.decrypt(KEY, encrypted, "wxother"))
                .isInstanceOf(WeChatCrypto.UndecryptableException.class);
        assertThatThrownBy(() -> WeChatCrypto.decrypt("A" + KEY.substring(1), encrypted, "wxapp"))
                .isInstanceOf(WeChatCrypto.UndecryptableException.class);
        assertThatThrownBy(() -> WeChatCrypto.decrypt(KEY, "not base64!", "wxapp"))
                .isInstanceOf(WeChatCrypto.UndecryptableException.class);
        assertThatThrownBy(() -> WeChatCrypto.decrypt(KEY, "AAAA", "wxapp"))
                .isInstanceOf(WeChatCrypto.UndecryptableException.class);
    }

    @Test
    void theSignatureIsTheSha1OfTheSortedParts() {
        assertThat(WeChatSignature.of("token", "1700000000", "nonce"))
                .isEqualTo(WeChatPlatform.sign("nonce", "token", "1700000000"))
                .hasSize(40);
        assertThat(WeChatSignature.matches(WeChatPlatform.sign("t", "1", "n").toUpperCase(), "t", "1", "n"))
                .isTrue();
        assertThat(WeChatSignature.matches(WeChatPlatform.sign("t", "1", "n"), "t", "1", "m"))
                .isFalse();
        assertThat(WeChatSignature.matches(null, "t", "1", "n")).isFalse();
        assertThat(WeChatSignature.matches(WeChatPlatform.sign("t", "1", "n"), "t", null, "n"))
                .isFalse();
    }
}
