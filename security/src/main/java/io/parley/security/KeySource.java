package io.parley.security;

import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;

/**
 * Where a verifier finds the public key a token names: presence-service's JWKS over HTTP for everyone else,
 * presence's own key for presence itself.
 */
@FunctionalInterface
public interface KeySource {

    /**
     * The public key with this key id, or null when there is none.
     *
     * @throws KeySetUnavailableException when the keys cannot be fetched right now
     */
    @Nullable
    JWK key(String keyId);
}
