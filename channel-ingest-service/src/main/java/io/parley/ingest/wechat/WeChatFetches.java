package io.parley.ingest.wechat;

import io.parley.ingest.connector.ConnectorSettings;
import io.parley.ingest.connector.PlatformHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The reads a WeChat webhook makes while WeChat waits for its answer: the customer's profile ({@code GET
 * {api}/cgi-bin/user/info}) and a message's media ({@code GET {api}/cgi-bin/media/get}). One attempt each
 * (the webhook's own time budget allows no retries), only from the account's API host (redirects are not
 * followed), and a download stops one byte past its limit. URLs are never logged (they carry the token).
 */
@Component
class WeChatFetches {

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"?([^\";]{1,200})\"?");

    private final HttpClient http;
    private final ConnectorSettings connectors;

    WeChatFetches(ConnectorSettings connectors) {
        this.connectors = connectors;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectors.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A downloaded file. */
    record Download(
            byte[] bytes,
            @Nullable String mediaType,
            @Nullable String fileName) {}

    /** Why a download gave no file (WeChat's errcode, the size, the status, the exception). */
    static final class NotDownloaded extends Exception {

        private static final long serialVersionUID = 1L;

        NotDownloaded(String message) {
            super(message);
        }
    }

    /** The customer's profile as WeChat gives it, or empty when it gives none (or cannot be reached). */
    Optional<JsonNode> userInfo(String base, String token, String openId) throws InterruptedException {
        URI uri = URI.create(
                base + "/cgi-bin/user/info?access_token=" + encode(token) + "&openid=" + encode(openId) + "&lang=en");
        try {
            HttpResponse<String> answer = http.send(get(uri), HttpResponse.BodyHandlers.ofString());
            JsonNode json = PlatformHttp.tree(answer.body());
            if (answer.statusCode() != 200 || json.path("errcode").asInt(0) != 0 || !json.isObject()) {
                return Optional.empty();
            }
            return Optional.of(json);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The media's bytes, at most {@code maxBytes}. */
    Download media(String base, String token, String mediaId, long maxBytes)
            throws NotDownloaded, InterruptedException {
        URI uri =
                URI.create(base + "/cgi-bin/media/get?access_token=" + encode(token) + "&media_id=" + encode(mediaId));
        try {
            HttpResponse<InputStream> answer = http.send(get(uri), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = answer.body()) {
                if (answer.statusCode() != 200) {
                    throw new NotDownloaded("HTTP " + answer.statusCode());
                }
                String type = answer.headers().firstValue("Content-Type").orElse(null);
                if (type != null && isText(type)) {
                    // WeChat answers errors, and videos (a URL on another host), as JSON.
                    JsonNode json = PlatformHttp.tree(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
                    throw new NotDownloaded(
                            "WeChat answered " + json.path("errcode").asInt(0) + " "
                                    + (json.has("video_url") ? "a video URL" : PlatformHttp.text(json, "errmsg")));
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new NotDownloaded("larger than " + maxBytes + " bytes");
                }
                return new Download(bytes, type, fileName(answer));
            }
        } catch (IOException e) {
            throw new NotDownloaded(e.getClass().getSimpleName());
        }
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(connectors.timeout()).GET().build();
    }

    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.startsWith("text/");
    }

    private static @Nullable String fileName(HttpResponse<?> answer) {
        return answer.headers()
                .firstValue("Content-Disposition")
                .map(FILE_NAME::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1).strip())
                .orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
