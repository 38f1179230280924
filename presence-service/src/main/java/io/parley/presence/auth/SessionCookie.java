package io.parley.presence.auth;

import io.parley.presence.PresenceSettings;
import io.parley.security.StaffTokens;
import java.time.Duration;
import org.springframework.http.ResponseCookie;

/**
 * The browser console's copy of the token: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), for the whole origin, Secure where the suite is served over HTTPS, and gone when the token
 * expires.
 */
final class SessionCookie {

    private SessionCookie() {}

    static ResponseCookie carrying(String token, PresenceSettings settings) {
        return base(token, settings).maxAge(settings.tokenTtl()).build();
    }

    static ResponseCookie cleared(PresenceSettings settings) {
        return base("", settings).maxAge(Duration.ZERO).build();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value, PresenceSettings settings) {
        return ResponseCookie.from(StaffTokens.COOKIE, value)
                .httpOnly(true)
                .secure(settings.secureCookie())
                .sameSite("Strict")
                .path("/");
    }
}
