package io.parley.ingest.visitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Visitor tokens: 256 random bits, shown to the visitor once. Only their SHA-256 is stored, so a leak of the
 * store does not let anyone into a conversation; a look-up by hash reveals nothing about other tokens.
 */
public final class VisitorTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private VisitorTokens() {}

    public static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
