package io.parley.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StaffTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final StaffPrincipal ALICE =
            new StaffPrincipal("staff-alice", "Alice", Set.of("STAFF"), "session-1");

    private final LocalJwks jwks = LocalJwks.start();
    private final MutableClock clock = new MutableClock(NOW);
    private final StaffTokenVerifier verifier = new StaffTokenVerifier(jwks.uri(), clock);

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void validTokenYieldsTheStaffMemberTheirRolesAndSession() {
        String token = jwks.token(ALICE, NOW, NOW.plus(Duration.ofMinutes(30)));

        StaffPrincipal principal = verifier.verify(token);

        assertThat(principal).isEqualTo(ALICE);
        assertThat(principal.hasRole("STAFF")).isTrue();
        assertThat(principal.hasRole("ADMIN")).isFalse();
    }

    @Test
    void tokenExpiredLessThanTheClockSkewAgoIsStillAccepted() {
        String token = jwks.token(ALICE, NOW.minus(Duration.ofMinutes(30)), NOW.minusSeconds(29));

        assertThat(verifier.verify(token).staffId()).isEqualTo("staff-alice");
    }

    @Test
    void tokenExpiredMoreThanTheClockSkewAgoIsRefused() {
        String token = jwks.token(ALICE, NOW.minus(Duration.ofMinutes(30)), NOW.minusSeconds(31));

        assertThat(refusal(token).reason()).startsWith("expired");
    }

    @Test
    void tokenAcceptedBeforeIsRefusedOnceItHasExpired() {
        String token = jwks.token(ALICE, NOW, NOW.plus(Duration.ofMinutes(1)));
        assertThat(verifier.verify(token)).isEqualTo(ALICE);

        clock.advance(Duration.ofSeconds(60 + 31));

        assertThat(refusal(token).reason()).startsWith("expired");
        assertThat(refusal(token).reason()).startsWith("expired");
    }

    @Test
    void sameTokenIsRememberedOnceAndAnythingElseIsVerifiedInFull() {
        String token = jwks.token(ALICE, NOW, NOW.plus(Duration.ofMinutes(30)));
        for (int i = 0; i < 3; i++) {
            assertThat(verifier.verify(token)).isEqualTo(ALICE);
        }
        assertThat(verifier.rememberedTokens()).isEqualTo(1);

        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        assertThat(refusal(otherSignature).reason()).isEqualTo("bad signature");
        assertThat(refusal(token + ".").reason()).isEqualTo("not a signed JWT");
        assertThat(verifier.rememberedTokens()).isEqualTo(1);
    }

    @Test
    void tokenAcceptedBeforeIsRefusedOnceItsKeyIsWithdrawn() {
        String old = jwks.token(ALICE, NOW, NOW.plus(Duration.ofMinutes(30)));
        assertThat(verifier.verify(old)).isEqualTo(ALICE);
        StaffTokenSigner rotated = jwks.addKey();
        jwks.withdrawFirstKey();

        clock.advance(Duration.ofSeconds(31));
        String fresh = rotated.sign(ALICE, clock.instant(), clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(verifier.verify(fresh)).isEqualTo(ALICE); // an unknown key id: the key set is fetched again

        assertThat(refusal(old).reason()).startsWith("unknown signing key");
    }

    @Test
    void tokenOfAnotherIssuerIsRefusedEvenWithAPublishedKey() {
        String token = jwks.sign(claims().issuer("someone-else").build());

        assertThat(refusal(token).reason()).isEqualTo("issued by someone-else");
    }

    @Test
    void tokenWithoutASessionIsRefused() {
        String token = jwks.sign(claims().claim(StaffTokens.SESSION_CLAIM, null).build());

        assertThat(refusal(token).reason()).isEqualTo("no sid");
    }

    @Test
    void tokenSignedByAnUnpublishedKeyIsRefused() throws Exception {
        String token = signed(LocalJwks.generateKey(), claims().build(), JWSAlgorithm.RS256);

        assertThat(refusal(token).reason()).startsWith("unknown signing key");
    }

    @Test
    void tokenWithAlteredClaimsIsRefusedEvenAfterTheGenuineOneWasAccepted() {
        String token = jwks.token(ALICE, NOW, NOW.plus(Duration.ofMinutes(30)));
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("{\"iss\":\"parley\",\"sub\":\"staff-admin\",\"name\":\"x\","
                                        + "\"roles\":[\"ADMIN\"],\"sid\":\"s\",\"exp\":9999999999}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(refusal(forged).reason()).isEqualTo("bad signature");
    }

    @Test
    void tokenSignedWithASharedSecretIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k").build(), claims().build());
        jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef"));

        assertThat(refusal(jwt.serialize()).reason()).isEqualTo("not signed with RS256");
    }

    @Test
    void garbageIsRefused() {
        assertThat(refusal("not-a-token").reason()).isEqualTo("not a signed JWT");
    }

    @Test
    void keySetIsFetchedOnceForManyTokens() {
        for (int i = 0; i < 5; i++) {
            verifier.verify(jwks.token(ALICE, NOW, NOW.plus(Duration.ofMinutes(30))));
        }

        assertThat(jwks.fetches()).isEqualTo(1);
    }

    @Test
    void unknownKeyIdCausesARefetchAtMostEveryThirtySeconds() {
        verifier.verify(jwks.token(ALICE, NOW, NOW.plus(Duration.ofMinutes(30))));
        StaffTokenSigner rotated = jwks.addKey();

        clock.advance(Duration.ofSeconds(10));
        String newToken = rotated.sign(ALICE, clock.instant(), clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(refusal(newToken).reason()).startsWith("unknown signing key");
        assertThat(refusal(newToken).reason()).startsWith("unknown signing key");
        assertThat(jwks.fetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(21));
        assertThat(verifier.verify(newToken)).isEqualTo(ALICE);
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void unreachableKeySetIsReportedAsUnavailableNotAsABadToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var offline = new StaffTokenVerifier(URI.create("http://127.0.0.1:" + closedPort + "/api/auth/jwks"), clock);

        Throwable thrown = catchThrowableOfType(
                KeySetUnavailableException.class,
                () -> offline.verify(jwks.token(ALICE, NOW, NOW.plus(Duration.ofMinutes(30)))));

        assertThat(thrown).isNotNull();
    }

    private InvalidTokenException refusal(String token) {
        InvalidTokenException refused = catchThrowableOfType(InvalidTokenException.class, () -> verifier.verify(token));
        assertThat(refused).as("refusal of %s", token).isNotNull();
        return refused;
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(StaffTokens.ISSUER)
                .subject("staff-alice")
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(30))))
                .claim(StaffTokens.NAME_CLAIM, "Alice")
                .claim(StaffTokens.ROLES_CLAIM, List.of("STAFF"))
                .claim(StaffTokens.SESSION_CLAIM, "session-1");
    }

    private static String signed(RSAKey key, JWTClaimsSet claims, JWSAlgorithm algorithm) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        if (key.isPrivate()) {
            jwt.sign(new RSASSASigner(key));
        }
        return jwt.serialize();
    }
}
