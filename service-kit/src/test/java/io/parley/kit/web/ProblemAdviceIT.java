package io.parley.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.kit.testapp.KitTestApplication;
import io.parley.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Errors of a Parley service's controllers are RFC 9457 problems with a stable code over real HTTP. */
@SpringBootTest(
        classes = {KitTestApplication.class, ProblemAdviceIT.ThingController.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=problem-advice-it", "parley.mongo.database=problem-advice-it"})
class ProblemAdviceIT {

    static final String SECRET = "db password is hunter2";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void problemThrownByAControllerAnswersWithItsStatusAndCode() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things/taken")));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("code").asString()).isEqualTo("thing.taken");
        assertThat(body.path("status").asInt()).isEqualTo(409);
        assertThat(body.path("title").asString()).isEqualTo("That thing is taken");
    }

    // ProblemAdvice must outrank Boot's own problem-details handler, whose answers carry no code.
    @Test
    void malformedJsonBodyAnswers400RequestMalformed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": ")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("request.malformed");
    }

    @Test
    void unexpectedExceptionAnswers500InternalErrorWithoutItsMessage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things/broken")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("internal.error");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    @Test
    void wellFormedRequestIsServedNormally() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/things"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"lamp\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("name").asString()).isEqualTo("lamp");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void aMistypedOrMissingQueryParameterIsABadRequestNotAServerError() throws Exception {
        HttpResponse<String> mistyped = send(HttpRequest.newBuilder(uri("/things?page=two")));
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/things")));

        for (HttpResponse<String> response : java.util.List.of(mistyped, missing)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("request.invalid");
            assertThat(json.readTree(response.body()).path("title").asString()).contains("page");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Thing(String name) {}

    @RestController
    static class ThingController {

        @GetMapping("/things/taken")
        Thing taken() {
            throw Problem.conflict("thing.taken", "That thing is taken");
        }

        @GetMapping("/things/broken")
        Thing broken() {
            throw new IllegalStateException(SECRET);
        }

        @PostMapping("/things")
        Thing create(@RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things")
        Thing page(@RequestParam int page) {
            return new Thing("page " + page);
        }
    }
}
