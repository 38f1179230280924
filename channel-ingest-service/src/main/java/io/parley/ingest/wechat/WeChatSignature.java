package io.parley.ingest.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * WeChat's signatures: the SHA-1 hex of the lexicographically sorted concatenation of the token, the
 * timestamp, the nonce (and, in safe mode, the {@code Encrypt} element), compared in constant time.
 */
public final class WeChatSignature {

    private WeChatSignature() {}

    /** The signature of these parts, lower-case hex. */
    public static String of(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** Whether {@code claimed} is the signature of {@code parts}; false when it or any part is missing. */
    static boolean matches(@Nullable String claimed, @Nullable String... parts) {
        if (claimed == null || claimed.isEmpty()) {
            return false;
        }
        for (String part : parts) {
            if (part == null) {
                return false;
            }
        }
        byte[] expected = of(parts).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, claimed.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
