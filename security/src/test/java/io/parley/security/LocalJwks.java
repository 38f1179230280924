package io.parley.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for presence-service's key set in tests of any module: locally generated RSA keys, their public
 * halves served as a JWKS by a JDK HTTP server on 127.0.0.1, and tokens signed with them.
 */
public final class LocalJwks implements AutoCloseable {

    private final List<StaffTokenSigner> signers = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer server;

    private final RSAKey firstKey = generateKey();

    private LocalJwks() {
        signers.add(new StaffTokenSigner(firstKey));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/auth/jwks", this::serve);
        server.start();
    }

    /** Generates a key and starts serving its JWKS at {@link #uri()}. */
    public static LocalJwks start() {
        return new LocalJwks();
    }

    /** A fresh RS256 signing key with a random key id. */
    public static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/auth/jwks");
    }

    /** A valid token for a staff member with these roles, for half an hour from now. */
    public String token(String staffId, String... roles) {
        Instant now = Instant.now();
        return token(
                new StaffPrincipal(staffId, "Staff " + staffId, Set.of(roles), "session-" + UUID.randomUUID()),
                now,
                now.plus(Duration.ofMinutes(30)));
    }

    public String token(StaffPrincipal principal, Instant issuedAt, Instant expiresAt) {
        return signers.getFirst().sign(principal, issuedAt, expiresAt);
    }

    /** Any claims, signed RS256 with the first key: for tokens the real signer would never issue. */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = firstKey;
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Publishes one more key (as after a rotation) and returns its signer. */
    public StaffTokenSigner addKey() {
        StaffTokenSigner signer = new StaffTokenSigner(generateKey());
        signers.add(signer);
        return signer;
    }

    /** Stops publishing the first key (as after it was compromised); {@link #token} then signs with the next. */
    public void withdrawFirstKey() {
        signers.removeFirst();
    }

    /** How often the JWKS was fetched. */
    public int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        List<JWK> keys = signers.stream().map(s -> (JWK) s.publicKey()).toList();
        byte[] body = new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
