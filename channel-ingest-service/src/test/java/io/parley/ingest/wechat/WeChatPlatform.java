package io.parley.ingest.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What WeChat does to the requests it sends, written from its documentation (not with the production classes):
 * for the WeChat tests and for checking what the simulator signs.
 */
public final class WeChatPlatform {

    private WeChatPlatform() {}

    /** SHA-1 hex of the sorted, concatenated parts, as WeChat documents its signatures. */
    public static String sign(String... parts) {
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

    /**
     * Safe-mode encryption as WeChat documents it: 16 random bytes, the length (4 bytes, big-endian), the XML,
     * the app id; PKCS#7 to 32-byte blocks; AES-256-CBC with Base64(key + "=") and its first 16 bytes as IV.
     */
    static String encrypt(String encodingAesKey, String xml, String appId) {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        byte[] message = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + message.length + app.length;
        int pad = 32 - length % 32;
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII));
        plain.putInt(message.length).put(message).put(app);
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
}
