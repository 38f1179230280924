package io.parley.ingest.simulator;

import io.parley.ingest.connector.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The Standard Webhooks signature as a third-party integrator implements it on their side, independently of
 * Parley's own connector: {@code v1,<Base64 HMAC-SHA256(key, id.timestamp.body)>} with the key Base64-decoded
 * from after {@code whsec_}; to sign the customer's messages and to verify Parley's callbacks (any of the
 * header's space-separated signatures, compared in constant time).
 */
final class IntegratorSignature {

    private IntegratorSignature() {}

    static byte @Nullable [] key(@Nullable String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String sign(byte[] key, String id, String timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(key, id, timestamp, body));
    }

    static boolean verifies(byte[] key, String id, String timestamp, byte[] body, @Nullable String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = mac(key, id, timestamp, body);
        boolean found = false;
        for (String signature : header.trim().split("\\s+")) {
            if (signature.startsWith("v1,")) {
                try {
                    found |= MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)));
                } catch (IllegalArgumentException e) {
                    // not Base64: not this one
                }
            }
        }
        return found;
    }

    private static byte[] mac(byte[] key, String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return Hmac.sha256(key, content);
    }
}
