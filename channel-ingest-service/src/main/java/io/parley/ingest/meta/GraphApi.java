package io.parley.ingest.meta;

import io.parley.events.DeliveryFailure;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.outbound.ChannelSender.Failed;
import io.parley.ingest.outbound.ChannelSender.Outcome;
import io.parley.ingest.outbound.ChannelSender.Sent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Calls to Meta's Graph API send endpoints. Every call is bounded by the timeout; a 5xx, a 429 or an I/O
 * error (timeouts included) is tried again after a doubling back-off, {@code attempts} times in all, then
 * the message is {@code unreachable}; a 4xx is final and classified by {@link GraphErrors}. URLs are never
 * logged: Messenger's carries the page token.
 */
@Component
class GraphApi {

    private static final Logger log = LoggerFactory.getLogger(GraphApi.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final MetaSettings settings;
    private final HttpClient http;

    GraphApi(MetaSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code {base}/{version}/{node}/messages} of this account's platform. */
    URI messagesUri(ChannelAccount account, String node) {
        String base = account.platformBaseUrl() != null
                ? account.platformBaseUrl()
                : settings.graphBaseUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + settings.graphVersion() + "/" + Paths.segment(node) + "/messages");
    }

    /**
     * POSTs {@code body} as JSON and reads the sent message's id from a 2xx answer with {@code idOf}.
     *
     * @param bearer the access token for the Authorization header, or null when it is in the URL
     */
    Outcome post(
            String accountId,
            URI uri,
            @Nullable String bearer,
            Object body,
            Function<JsonNode, @Nullable String> idOf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        String lastProblem = "no answer";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                pause(settings.backoff().multipliedBy(1L << (attempt - 2)));
            }
            try {
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status >= 200 && status < 300) {
                    return new Sent(idOf.apply(tree(answer.body())));
                }
                if (status < 500 && status != 429) {
                    return new Failed(refusal(status, answer.body()));
                }
                lastProblem = "HTTP " + status;
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed(GraphErrors.unreachable("interrupted"));
            }
            log.info("Graph API call for account {} failed (attempt {}): {}", accountId, attempt, lastProblem);
        }
        return new Failed(GraphErrors.unreachable(lastProblem + " after " + settings.attempts() + " attempts"));
    }

    private static DeliveryFailure refusal(int status, String body) {
        JsonNode error = tree(body).path("error");
        String message = MetaNotification.text(error, "message");
        return GraphErrors.classify(
                status,
                error.path("code").asInt(0),
                error.path("error_subcode").asInt(0),
                message != null ? message : "HTTP " + status);
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Path segments from ids the platform gave us. */
    static final class Paths {

        private Paths() {}

        static String segment(String id) {
            return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
        }
    }
}
