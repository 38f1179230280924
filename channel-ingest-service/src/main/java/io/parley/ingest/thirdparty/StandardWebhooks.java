package io.parley.ingest.thirdparty;

import io.parley.ingest.connector.Hmac;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The Standard Webhooks signature (standardwebhooks.com), both ways: {@code webhook-signature: v1,<Base64
 * HMAC-SHA256(key, id + "." + timestamp + "." + raw body)>}, where the key is the Base64 after the secret's
 * {@code whsec_} prefix. The header may list several space-separated signatures (during a key rotation): one
 * matching is enough. Compared in constant time.
 */
final class StandardWebhooks {

    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    private static final String PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    private StandardWebhooks() {}

    /** The HMAC key of a secret ({@code whsec_} + Base64); null when it is not Base64. */
    static byte @Nullable [] key(@Nullable String secret) {
        if (secret == null || secret.isBlank()) {
            return null;
        }
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded.trim());
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code webhook-signature} value for this message. */
    static String sign(byte[] key, String id, String timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(Hmac.sha256(key, content(id, timestamp, body)));
    }

    /** Whether one of the header's {@code v1} signatures is this message's. */
    static boolean matches(byte[] key, String id, String timestamp, byte[] body, @Nullable String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] expected = Hmac.sha256(key, content(id, timestamp, body));
        boolean matched = false;
        for (String candidate : header.trim().split(" +")) {
            if (!candidate.startsWith(VERSION)) {
                continue;
            }
            try {
                byte[] claimed = Base64.getDecoder().decode(candidate.substring(VERSION.length()));
                matched |= MessageDigest.isEqual(expected, claimed);
            } catch (IllegalArgumentException e) {
                // not Base64: not a match
            }
        }
        return matched;
    }

    private static byte[] content(String id, String timestamp, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        out.writeBytes((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
