package io.parley.kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.kit.testapp.KitTestApplication;
import io.parley.security.LocalJwks;
import io.parley.security.StaffPrincipal;
import io.parley.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service built on the kit checks staff tokens on {@code /api/**} over real HTTP, against a JWKS served by
 * a JDK HTTP server: missing, invalid and expired tokens are refused with problem+json, public paths and
 * non-API paths stay open, controllers get the staff member and check roles.
 */
@SpringBootTest(
        classes = {KitTestApplication.class, StaffAuthenticationIT.Endpoints.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=staff-auth-it",
            "parley.mongo.database=staff-auth-it",
            "parley.auth.public-paths=/api/open/**"
        })
class StaffAuthenticationIT {

    static final LocalJwks JWKS = LocalJwks.start();
    static final String ENDED_SESSION = "session-ended";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("management.server.port", TestInfrastructure::freePort);
        registry.add("parley.auth.jwks-uri", JWKS::uri);
    }

    @AfterAll
    static void stopJwks() {
        JWKS.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void requestWithoutATokenIsRefusedWithAuthRequired() throws Exception {
        HttpResponse<String> response = get("/api/me", Map.of());

        assertProblem(response, 401, "auth.required");
    }

    @Test
    void requestWithAGarbageTokenIsRefusedWithInvalidToken() throws Exception {
        HttpResponse<String> response = get("/api/me", Map.of("Authorization", "Bearer not.a.token"));

        assertProblem(response, 401, "auth.invalid-token");
    }

    @Test
    void requestWithAnExpiredTokenIsRefusedWithInvalidToken() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        String expired = JWKS.token(
                new StaffPrincipal("staff-1", "One", Set.of("STAFF"), "s-1"),
                longAgo,
                longAgo.plus(Duration.ofMinutes(30)));

        HttpResponse<String> response = get("/api/me", Map.of("Authorization", "Bearer " + expired));

        assertProblem(response, 401, "auth.invalid-token");
    }

    @Test
    void bearerTokenReachesTheControllerAsTheStaffMember() throws Exception {
        HttpResponse<String> response =
                get("/api/me", Map.of("Authorization", "Bearer " + JWKS.token("staff-bearer", "STAFF")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("staffId").asString()).isEqualTo("staff-bearer");
    }

    @Test
    void sessionCookieAuthenticatesLikeTheBearerHeader() throws Exception {
        HttpResponse<String> response =
                get("/api/me", Map.of("Cookie", "other=1; parley_session=" + JWKS.token("staff-cookie", "STAFF")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("staffId").asString()).isEqualTo("staff-cookie");
    }

    @Test
    void configuredPublicPathNeedsNoToken() throws Exception {
        HttpResponse<String> response = get("/api/open/ping", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
    }

    @Test
    void visitorPathsArePublicInEveryService() throws Exception {
        HttpResponse<String> response = get("/api/visitor/ping", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void pathsOutsideTheApiAreNotChecked() throws Exception {
        HttpResponse<String> response = get("/outside", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void staffMemberWithoutTheRoleIsForbidden() throws Exception {
        HttpResponse<String> response =
                get("/api/admin-only", Map.of("Authorization", "Bearer " + JWKS.token("staff-2", "STAFF")));

        assertProblem(response, 403, "auth.forbidden");
    }

    @Test
    void staffMemberWithTheRoleIsServed() throws Exception {
        HttpResponse<String> response =
                get("/api/admin-only", Map.of("Authorization", "Bearer " + JWKS.token("staff-3", "ADMIN")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenOfASessionTheGuardKnowsEndedIsRefused() throws Exception {
        Instant now = Instant.now();
        String token = JWKS.token(
                new StaffPrincipal("staff-4", "Four", Set.of("STAFF"), ENDED_SESSION),
                now,
                now.plus(Duration.ofMinutes(30)));

        HttpResponse<String> response = get("/api/me", Map.of("Authorization", "Bearer " + token));

        assertProblem(response, 401, "auth.session-ended");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        SessionGuard endedSessions() {
            return principal -> !principal.sessionId().equals(ENDED_SESSION);
        }

        @Bean
        Controller controller() {
            return new Controller();
        }
    }

    @RestController
    static class Controller {

        @GetMapping("/api/me")
        Map<String, String> me(StaffPrincipal staff) {
            return Map.of("staffId", staff.staffId());
        }

        @GetMapping("/api/admin-only")
        String adminOnly(StaffPrincipal staff) {
            StaffRoles.requireAny(staff, StaffRoles.ADMIN);
            return "ok";
        }

        @GetMapping("/api/open/ping")
        String open() {
            return "pong";
        }

        @GetMapping("/api/visitor/ping")
        String visitor() {
            return "pong";
        }

        @GetMapping("/outside")
        String outside() {
            return "outside";
        }
    }
}
