package io.parley.ingest.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/** How the stand-in checks the tokens a send call presents, as the platform would: exactly, in constant time. */
final class Credentials {

    private Credentials() {}

    /** Whether {@code offered} is the non-empty {@code expected} token. */
    static boolean same(@Nullable String expected, @Nullable String offered) {
        return expected != null
                && !expected.isEmpty()
                && offered != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    /** The token of an {@code Authorization: Bearer …} header; null without one. */
    static @Nullable String bearer(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
