package io.parley.ingest.connector;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** HMAC-SHA256, the signature of every platform's webhook, and its comparison in constant time. */
public final class Hmac {

    private Hmac() {}

    public static byte[] sha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public static byte[] sha256(String key, byte[] data) {
        return sha256(key.getBytes(StandardCharsets.UTF_8), data);
    }

    /** Base64(HMAC-SHA256(secret, body)): LINE's and WOZTELL's signature header. */
    public static String base64(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(sha256(secret, body));
    }

    /** Whether the Base64 {@code header} is this body's HMAC with {@code secret}, compared in constant time. */
    public static boolean matchesBase64(String secret, byte[] body, @Nullable String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret, body), claimed);
    }
}
