package io.parley.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Signs staff tokens (RS256) with a private key whose public half is published in the JWKS under its key id. */
public final class StaffTokenSigner {

    private final RSAKey key;
    private final RSASSASigner signer;

    /**
     * @param key an RSA key pair with a key id; its private part never leaves the signer
     */
    public StaffTokenSigner(RSAKey key) {
        Objects.requireNonNull(key.getKeyID(), "the key needs a key id");
        this.key = key;
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Not a usable RSA private key: " + e.getMessage(), e);
        }
    }

    /** A token for the principal, valid from {@code issuedAt} until {@code expiresAt}. */
    public String sign(StaffPrincipal principal, Instant issuedAt, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(StaffTokens.ISSUER)
                .subject(principal.staffId())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim(StaffTokens.NAME_CLAIM, principal.name())
                .claim(
                        StaffTokens.ROLES_CLAIM,
                        List.copyOf(principal.roles().stream().sorted().toList()))
                .claim(StaffTokens.SESSION_CLAIM, principal.sessionId())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing a staff token failed", e);
        }
        return jwt.serialize();
    }

    /** The signer's own public key as a key source, for verifying without a round trip to the JWKS. */
    public KeySource keySource() {
        RSAKey publicKey = publicKey();
        return keyId -> keyId.equals(publicKey.getKeyID()) ? publicKey : null;
    }

    /** The public half of the key, as the JWKS serves it. */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }
}
