package io.parley.ingest.connector;

import io.parley.ingest.account.ChannelAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls to the platforms' APIs, one try each, bounded by the timeout: a 5xx, a 429 or an I/O error (timeouts
 * included) is {@link Unreachable} — transient, worth trying again, which the outbound dispatcher does with
 * back-off and a circuit breaker per account — and any other answer is final. Redirects are not followed;
 * URLs are never logged (some carry tokens).
 */
@Component
public class PlatformHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(PlatformHttp.class);

    private final ConnectorSettings settings;
    private final HttpClient http;

    PlatformHttp(ConnectorSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What came of a call. */
    public sealed interface Result permits Answered, Unreachable {}

    /** The platform's final answer: a 2xx, or a refusal not worth retrying. */
    public record Answered(int status, String body) implements Result {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            return tree(body);
        }
    }

    /** No final answer (5xx, 429, I/O errors): a later try may succeed. */
    public record Unreachable(String detail) implements Result {}

    /** A JSON POST with the configured timeout; headers as pairs. */
    public HttpRequest.Builder jsonPost(java.net.URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A GET with the configured timeout. */
    public HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET();
    }

    /**
     * Sends the request once.
     *
     * @param request the request to send (built when it is sent: a signature may carry the time of sending)
     */
    public Result exchange(String accountId, java.util.function.Supplier<HttpRequest> request) {
        String problem;
        try {
            HttpResponse<String> answer = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status < 500 && status != 429) {
                return new Answered(status, answer.body());
            }
            problem = "HTTP " + status;
        } catch (IOException e) {
            problem = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        }
        log.info("Platform call for account {} failed: {}", accountId, problem);
        return new Unreachable(problem);
    }

    public static JsonNode tree(@Nullable String body) {
        if (body == null || body.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** A field's scalar value as text; null when absent, null or not a scalar. */
    public static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    /** An absolute URL a platform gave us, or null when it is none. */
    public static @Nullable URI absolute(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The account's own platform base URL (tests and the demo set one), else the channel's default. */
    public static String baseUrl(ChannelAccount account, URI channelDefault) {
        return trimmed(account.platformBaseUrl() != null ? account.platformBaseUrl() : channelDefault.toString());
    }

    /** {@code base} without a trailing slash. */
    public static String trimmed(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
