package io.parley.ingest.meta;

import io.parley.ingest.connector.Hmac;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Meta's {@code X-Hub-Signature-256}: {@code sha256=<hex HMAC-SHA256(app secret, raw body)>}, checked over the
 * exact bytes received, before anything reads them, and compared in constant time.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** The header value Meta would send for this body. */
    static String sign(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
    }

    /** Whether {@code header} is this body's signature with {@code appSecret}. */
    static boolean matches(String appSecret, byte[] body, @Nullable String header) {
        byte[] claimed = decode(header);
        return claimed != null && MessageDigest.isEqual(hmac(appSecret, body), claimed);
    }

    /** The claimed digest, or null when the header is absent or not {@code sha256=} and 64 hex digits. */
    static byte @Nullable [] decode(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String hex = header.substring(PREFIX.length()).trim();
        if (hex.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(String secret, byte[] body) {
        return Hmac.sha256(secret, body);
    }
}
