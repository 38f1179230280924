package io.parley.ingest.simulator;

import io.parley.ingest.connector.PlatformHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Posts a simulated platform's webhook over real HTTP to this service's own webhook endpoint (its own port on
 * the loopback, learnt when the web server starts), exactly as the platform would, and reports the answer.
 */
@Component
class OwnWebhooks {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_DETAIL = 300;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private volatile int port;

    /**
     * The endpoint's answer.
     *
     * @param status its HTTP status, or 0 when it could not be reached
     * @param code the problem code of a refusal, if it gave one
     * @param detail what the refusal or the failure said, shortened
     */
    record Answer(
            int status, @Nullable String code, @Nullable String detail) {}

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    Answer post(CustomerWebhook.Request webhook) {
        if (port <= 0) {
            return new Answer(0, null, "The web server has not started yet");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + webhook.pathAndQuery()))
                .timeout(TIMEOUT)
                .header("Content-Type", webhook.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        webhook.headers().forEach(request::header);
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() < 300) {
                return new Answer(answer.statusCode(), null, null);
            }
            var problem = PlatformHttp.tree(answer.body());
            String detail = PlatformHttp.text(problem, "title");
            if (detail == null) {
                detail = PlatformHttp.text(problem, "detail");
            }
            return new Answer(answer.statusCode(), PlatformHttp.text(problem, "code"), shortened(detail));
        } catch (IOException e) {
            return new Answer(0, null, "Not reachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "Interrupted");
        }
    }

    private static @Nullable String shortened(@Nullable String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
