package io.parley.security;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Tokens whose signature has already been checked, so that the next request with the same token skips the
 * RSA verification (the gateway and the service behind it check every request's token; on the suite's
 * two-core default that was 3-4 % of its CPU under load). A token is remembered by the SHA-256 of its whole
 * text ({@link #digest}, computed once per request by the caller), so only exactly the same token matches and
 * no token is held in memory; the caller still checks the remembered expiry, and that the signing key is still
 * published, at every use. At most {@code capacity} are remembered: when full, the expired ones are dropped,
 * and if that is not enough, all of them.
 */
final class VerifiedTokens {

    /** What a verified token proved, until when, and the key that signed it. */
    record Verified(StaffPrincipal principal, Instant expiry, JWK key) {

        boolean expiredAt(Instant now) {
            return StaffTokens.expired(expiry, now);
        }
    }

    private final ConcurrentMap<String, Verified> byDigest = new ConcurrentHashMap<>();
    private final int capacity;

    VerifiedTokens(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    @Nullable
    Verified find(String digest) {
        return byDigest.get(digest);
    }

    void remember(String digest, Verified verified, Instant now) {
        if (byDigest.size() >= capacity) {
            byDigest.values().removeIf(v -> v.expiredAt(now));
            if (byDigest.size() >= capacity) {
                byDigest.clear();
            }
        }
        byDigest.put(digest, verified);
    }

    void forget(String digest) {
        byDigest.remove(digest);
    }

    int size() {
        return byDigest.size();
    }

    /** The key a token is remembered by. */
    static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
