package io.parley.security;

import java.time.Duration;
import java.time.Instant;

/** The shape of a staff token, shared by the one signer (presence-service) and every verifier. */
public final class StaffTokens {

    /** The {@code iss} of every staff token. */
    public static final String ISSUER = "parley";

    /** The display name claim. */
    public static final String NAME_CLAIM = "name";

    /** The roles claim: a list of role names. */
    public static final String ROLES_CLAIM = "roles";

    /** The server-side session claim. */
    public static final String SESSION_CLAIM = "sid";

    /** The HttpOnly cookie that carries the token for the browser console and its sockets. */
    public static final String COOKIE = "parley_session";

    /** How far the clocks of signer and verifier may disagree. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private StaffTokens() {}

    /** Whether a token that expires at {@code expiry} is expired at {@code now}, allowing {@link #CLOCK_SKEW}. */
    static boolean expired(Instant expiry, Instant now) {
        return now.isAfter(expiry.plus(CLOCK_SKEW));
    }
}
