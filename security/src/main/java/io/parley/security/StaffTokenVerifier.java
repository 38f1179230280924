package io.parley.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a staff token: an RS256 JWT signed by a key of the JWKS at the configured URI, issued by
 * {@code parley}, not expired (allowing {@link StaffTokens#CLOCK_SKEW} between clocks), naming a staff
 * member, their roles and their session. Whether the session was ended since is known to presence-service
 * only; everyone else accepts a token until it expires, so the token's lifetime bounds a logout's delay.
 * A token verified once is remembered ({@link VerifiedTokens}): the same token again costs a hash, its
 * expiry check and a look at the published keys instead of an RSA verification.
 */
public final class StaffTokenVerifier {

    /** Enough for every staff member's token of a large team, a few MB at most. */
    static final int REMEMBERED_TOKENS = 10_000;

    private final KeySource keys;
    private final Clock clock;
    private final VerifiedTokens verified = new VerifiedTokens(REMEMBERED_TOKENS);

    public StaffTokenVerifier(URI jwksUri) {
        this(jwksUri, Clock.systemUTC());
    }

    /** Verifies against the JWKS at the URI, cached and re-fetched when an unknown key id appears. */
    public StaffTokenVerifier(URI jwksUri, Clock clock) {
        this(new RemoteKeySet(jwksUri, clock), clock);
    }

    /** Verifies against keys at hand (the signer's own). */
    public StaffTokenVerifier(KeySource keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The staff member the token speaks for.
     *
     * @throws InvalidTokenException with the reason when it does not prove anything
     * @throws KeySetUnavailableException when the signing keys cannot be fetched
     */
    public StaffPrincipal verify(String token) {
        String digest = VerifiedTokens.digest(token);
        VerifiedTokens.Verified seen = verified.find(digest);
        if (seen != null) {
            if (!seen.expiredAt(clock.instant())
                    && seen.key().equals(keys.key(seen.key().getKeyID()))) {
                return seen.principal();
            }
            verified.forget(digest); // expired, or its key withdrawn since: the full check says which
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("not signed with RS256");
        }
        String keyId = jwt.getHeader().getKeyID();
        if (keyId == null) {
            throw new InvalidTokenException("no key id");
        }
        JWK key = keys.key(keyId);
        if (!(key instanceof RSAKey rsa)) {
            throw new InvalidTokenException("unknown signing key " + keyId);
        }
        if (!signatureHolds(jwt, rsa)) {
            throw new InvalidTokenException("bad signature");
        }
        Instant expiry = checkTimes(claims);
        if (!StaffTokens.ISSUER.equals(claims.getIssuer())) {
            throw new InvalidTokenException("issued by " + claims.getIssuer());
        }
        StaffPrincipal principal = principal(claims);
        verified.remember(digest, new VerifiedTokens.Verified(principal, expiry, rsa), clock.instant());
        return principal;
    }

    /** How many verified tokens are remembered (for tests). */
    int rememberedTokens() {
        return verified.size();
    }

    private static boolean signatureHolds(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(new RSASSAVerifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The token's expiry, once its times are right. */
    private Instant checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new InvalidTokenException("no expiry");
        }
        if (StaffTokens.expired(expiry.toInstant(), now)) {
            throw new InvalidTokenException("expired at " + expiry.toInstant());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(StaffTokens.CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw new InvalidTokenException("not valid before " + notBefore.toInstant());
        }
        Date issued = claims.getIssueTime();
        if (issued != null && now.plus(StaffTokens.CLOCK_SKEW).isBefore(issued.toInstant())) {
            throw new InvalidTokenException("issued in the future");
        }
        return expiry.toInstant();
    }

    private static StaffPrincipal principal(JWTClaimsSet claims) {
        try {
            String staffId = required(claims.getSubject(), "sub");
            String name = required(claims.getStringClaim(StaffTokens.NAME_CLAIM), StaffTokens.NAME_CLAIM);
            String session = required(claims.getStringClaim(StaffTokens.SESSION_CLAIM), StaffTokens.SESSION_CLAIM);
            List<String> roles = claims.getStringListClaim(StaffTokens.ROLES_CLAIM);
            Set<String> roleSet = roles == null ? Set.of() : new HashSet<>(roles);
            roleSet.remove(null);
            return new StaffPrincipal(staffId, name, roleSet, session);
        } catch (ParseException e) {
            throw new InvalidTokenException("malformed claims: " + e.getMessage());
        }
    }

    private static String required(@Nullable String value, String claim) {
        if (value == null || value.isBlank()) {
            throw new InvalidTokenException("no " + claim);
        }
        return value;
    }
}
