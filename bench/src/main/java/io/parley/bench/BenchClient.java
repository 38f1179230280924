package io.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the in-JVM benchmarks (journey, email) use to talk to the suite: JSON over HTTP and socket frames. */
final class BenchClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BenchClient() {}

    /** One JSON call (or none with {@code json} null), with the staff member's token if given. */
    static HttpResponse<String> call(
            String origin, String method, String path, @Nullable String bearer, @Nullable String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs a staff member in through the gateway: their token. */
    static String signIn(String origin, String username, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("username", username, "password", password));
        return JSON.readTree(call(origin, "POST", "/api/auth/login", null, body).body())
                .path("token")
                .asString();
    }

    /** Opens a socket whose JSON frames go to {@code frames}. */
    static WebSocket socket(String url, Frames frames) throws Exception {
        return HTTP.newWebSocketBuilder().buildAsync(URI.create(url), frames).get(10, TimeUnit.SECONDS);
    }

    /** The JSON frames a socket received, for waiting on the one expected. */
    static final class Frames implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        /** The first frame from now on that is {@code expected}, skipping others. */
        JsonNode await(Predicate<JsonNode> expected, Duration within) throws InterruptedException {
            long giveUp = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < giveUp) {
                JsonNode frame = frames.poll(10, TimeUnit.MILLISECONDS);
                if (frame != null && expected.test(frame)) {
                    return frame;
                }
            }
            throw new IllegalStateException("the expected frame did not arrive");
        }
    }
}
