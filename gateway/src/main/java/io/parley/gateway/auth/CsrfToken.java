package io.parley.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The double-submit CSRF token of the console: a random value in the {@code parley_csrf} cookie, which the
 * console's own script (and no other site's) can read and echo in the {@value #HEADER} header. The session
 * cookie is HttpOnly and SameSite=Strict already; the echo is the second, independent check.
 */
final class CsrfToken {

    static final String COOKIE = "parley_csrf";
    static final String HEADER = "X-Parley-CSRF";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfToken() {}

    /** A fresh cookie: 32 random bytes, readable by script, sent only to this site, for every path. */
    static ResponseCookie issue(ServerHttpRequest request) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return ResponseCookie.from(COOKIE, value)
                .path("/")
                .sameSite("Strict")
                .httpOnly(false)
                .secure(request.getSslInfo() != null
                        || "https".equalsIgnoreCase(request.getURI().getScheme()))
                .build();
    }

    /** Whether the header echoes the cookie, compared in constant time; neither may be blank. */
    static boolean matches(@Nullable String cookie, @Nullable String header) {
        if (cookie == null || header == null || cookie.isBlank() || header.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }
}
