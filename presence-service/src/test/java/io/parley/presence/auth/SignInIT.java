package io.parley.presence.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.parley.presence.RunningPresence;
import io.parley.presence.staff.Role;
import io.parley.security.StaffPrincipal;
import io.parley.security.StaffTokenVerifier;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Login, refresh, logout and the key set of presence-service over real HTTP. */
class SignInIT extends RunningPresence {

    @Autowired
    MongoDatabase database;

    @Test
    void loginAnswersATokenTheStaffMemberAndAStrictHttpOnlySessionCookie() throws Exception {
        Staff alice = newStaff(Role.STAFF, Role.SUPERVISOR);

        HttpResponse<String> response =
                send("POST", "/api/auth/login", null, credentials(alice.username(), alice.password()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("token").asString()).isNotBlank();
        assertThat(body.path("staff").path("id").asString()).isEqualTo(alice.id());
        assertThat(body.path("staff").path("name").asString()).isEqualTo("Name " + alice.username());
        assertThat(body.path("staff").path("roles").valueStream().map(JsonNode::asString))
                .containsExactly("SUPERVISOR", "STAFF");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie)
                .startsWith("parley_session=" + body.path("token").asString())
                .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=1800")
                .doesNotContain("Secure");
    }

    @Test
    void tokenCarriesStaffIdNameRolesAndSessionAndVerifiesAgainstTheServedKeySet() throws Exception {
        Staff bob = newStaff(Role.STAFF);

        StaffPrincipal principal = new StaffTokenVerifier(uri("/api/auth/jwks"), CLOCK).verify(bob.token());

        assertThat(principal.staffId()).isEqualTo(bob.id());
        assertThat(principal.name()).isEqualTo("Name " + bob.username());
        assertThat(principal.roles()).containsExactly("STAFF");
        assertThat(principal.sessionId()).isNotBlank();
    }

    @Test
    void keySetServesOnlyThePublicKey() throws Exception {
        HttpResponse<String> response = get("/api/auth/jwks", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = json(response).path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("n").asString()).isNotBlank();
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }

    @Test
    void wrongPasswordAndUnknownUserAreAnsweredAlike() throws Exception {
        Staff carol = newStaff(Role.STAFF);

        HttpResponse<String> wrongPassword =
                send("POST", "/api/auth/login", null, credentials(carol.username(), "not-the-password"));
        HttpResponse<String> unknownUser =
                send("POST", "/api/auth/login", null, credentials("nobody-" + carol.username(), "whatever-123"));

        for (HttpResponse<String> response : List.of(wrongPassword, unknownUser)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(code(response)).isEqualTo("auth.invalid-credentials");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(json(wrongPassword).path("title").asString())
                .isEqualTo(json(unknownUser).path("title").asString());
    }

    @Test
    void eleventhAttemptWithinFiveMinutesIsRefusedEvenWithTheRightPassword() throws Exception {
        Staff dave = newStaff(Role.STAFF);
        for (int i = 0; i < 10; i++) {
            assertThat(send("POST", "/api/auth/login", null, credentials(dave.username(), "wrong-" + i))
                            .statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> blocked =
                send("POST", "/api/auth/login", null, credentials(dave.username(), dave.password()));

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(code(blocked)).isEqualTo("auth.too-many-attempts");

        CLOCK.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(send("POST", "/api/auth/login", null, credentials(dave.username(), dave.password()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refreshGivesAFreshTokenAndCookieForTheSameSession() throws Exception {
        Staff erin = newStaff(Role.STAFF);
        CLOCK.advance(Duration.ofSeconds(2));

        HttpResponse<String> response = send("POST", "/api/auth/refresh", erin.token(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        String fresh = json(response).path("token").asString();
        assertThat(fresh).isNotEqualTo(erin.token());
        assertThat(HttpCookie.parse(response.headers().firstValue("Set-Cookie").orElseThrow())
                        .getFirst()
                        .getValue())
                .isEqualTo(fresh);
        var verifier = new StaffTokenVerifier(uri("/api/auth/jwks"), CLOCK);
        assertThat(verifier.verify(fresh).sessionId())
                .isEqualTo(verifier.verify(erin.token()).sessionId());
    }

    @Test
    void afterLogoutTheSessionsTokensAreRefusedAndTheCookieIsCleared() throws Exception {
        Staff frank = newStaff(Role.STAFF);
        HttpResponse<String> refreshed = send("POST", "/api/auth/refresh", frank.token(), null);
        String refreshedToken = json(refreshed).path("token").asString();

        HttpResponse<String> logout = send("POST", "/api/auth/logout", frank.token(), null);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        for (String token : List.of(frank.token(), refreshedToken)) {
            HttpResponse<String> after = get("/api/presence/me", token);
            assertThat(after.statusCode()).isEqualTo(401);
            assertThat(code(after)).isEqualTo("auth.session-ended");
            assertThat(send("POST", "/api/auth/refresh", token, null).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void anotherLoginOfTheSameStaffMemberSurvivesTheLogout() throws Exception {
        Staff grace = newStaff(Role.STAFF);
        String second = json(send("POST", "/api/auth/login", null, credentials(grace.username(), grace.password())))
                .path("token")
                .asString();

        send("POST", "/api/auth/logout", grace.token(), null);

        assertThat(get("/api/presence/me", second).statusCode()).isEqualTo(200);
    }

    @Test
    void signingKeyIsKeptSoARestartSignsWithTheSameKey() {
        var first = new SigningKeyStore(database, CLOCK).loadOrCreate();
        var second = new SigningKeyStore(database, CLOCK).loadOrCreate();

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.getModulus()).isEqualTo(first.getModulus());
        assertThat(json(jwksResponse()).path("keys").get(0).path("kid").asString())
                .isEqualTo(first.getKeyID());
    }

    private HttpResponse<String> jwksResponse() {
        try {
            return get("/api/auth/jwks", null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
