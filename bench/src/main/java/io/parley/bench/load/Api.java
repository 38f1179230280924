package io.parley.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The suite's public API through its gateway, as a client sees it: JSON over HTTP/1.1 and WebSockets. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String origin;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** @param origin the gateway, e.g. {@code http://localhost:8080} */
    Api(String origin) {
        this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    String origin() {
        return origin;
    }

    /** An answer: status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    Answer call(String method, String path, @Nullable String bearer, @Nullable Object json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(TIMEOUT)
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(
                                        json instanceof String text ? text : JSON.writeValueAsString(json)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    Answer post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(TIMEOUT)
                .header("Content-Type", headers.getOrDefault("Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        } catch (Exception e) {
            return new Answer(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A staff member's token (login). */
    String login(String username, String password) {
        Answer answer = call("POST", "/api/auth/login", null, Map.of("username", username, "password", password));
        if (!answer.ok()) {
            throw new IllegalStateException("login of " + username + " failed: " + answer);
        }
        return answer.json().path("token").asString();
    }

    WebSocket socket(String pathAndQuery, WebSocket.Listener listener) throws Exception {
        return http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create(origin.replaceFirst("^http", "ws") + pathAndQuery), listener)
                .get(30, TimeUnit.SECONDS);
    }
}
