package io.parley.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One webhook request exactly as a platform sends it — path, headers and the raw bytes its signature covers
 * — so a test can post it to the gateway, or spoil its signature first.
 *
 * @param path the webhook's path and query on the public origin
 * @param headers the platform's headers, the signature among them
 * @param body the raw body
 */
record SignedWebhook(String path, Map<String, String> headers, byte[] body) {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SignedWebhook {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    static SignedWebhook json(String path, String body, Map<String, String> signatureHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(signatureHeaders);
        headers.put("Content-Type", "application/json");
        return new SignedWebhook(path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same request with one header's value replaced (to forge a signature). */
    SignedWebhook withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return new SignedWebhook(path, changed, body);
    }

    /** Posts it to the public origin and returns the answer. */
    Answer postTo(String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    /** The platform's view of our answer. */
    record Answer(int status, String body, String contentType) {

        /** The problem code of a problem+json answer. */
        String code() {
            return Gateway.JSON.readTree(body).path("code").asString();
        }
    }
}
