package io.parley.ingest.meta;

import io.parley.events.DeliveryFailure;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.ingest.outbound.ChannelSender.Failed;
import io.parley.ingest.outbound.ChannelSender.Outcome;
import io.parley.ingest.outbound.ChannelSender.Sent;
import java.net.URI;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to Meta's Graph API, through {@link PlatformHttp}: a send is one try (a 5xx, a 429 or no answer is
 * {@code unreachable}, which the outbound dispatcher tries again; a 4xx is final and classified by {@link
 * GraphErrors}); GETs of profiles and media metadata answer their JSON or nothing.
 */
@Component
class GraphApi {

    static final JsonMapper JSON = PlatformHttp.JSON;

    private final MetaSettings settings;
    private final PlatformHttp http;

    GraphApi(MetaSettings settings, PlatformHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /** {@code {base}/{version}/{node}/messages} of this account's platform. */
    URI messagesUri(ChannelAccount account, String node) {
        return nodeUri(account, node, "/messages");
    }

    /** {@code {base}/{version}/{node}{rest}} of this account's platform; {@code rest} is not encoded. */
    URI nodeUri(ChannelAccount account, String node, String rest) {
        String base = PlatformHttp.baseUrl(account, settings.graphBaseUrl());
        return URI.create(base + "/" + settings.graphVersion() + "/" + Paths.segment(node) + rest);
    }

    /** A GET of the Graph API, with the token as Bearer; the JSON answer when it is a 2xx. */
    java.util.Optional<JsonNode> getJson(String accountId, URI uri, @Nullable String bearer) {
        PlatformHttp.Result result = http.exchange(accountId, () -> {
            var request = http.get(uri);
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return request.build();
        });
        return result instanceof PlatformHttp.Answered answer && answer.ok()
                ? java.util.Optional.of(answer.json())
                : java.util.Optional.empty();
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
        String json = JSON.writeValueAsString(body);
        PlatformHttp.Result result = http.exchange(accountId, () -> {
            var request = http.jsonPost(uri, json);
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return request.build();
        });
        return switch (result) {
            case PlatformHttp.Answered answer when answer.ok() -> new Sent(idOf.apply(answer.json()));
            case PlatformHttp.Answered answer -> new Failed(refusal(answer.status(), answer.json()));
            case PlatformHttp.Unreachable unreachable -> new Failed(GraphErrors.unreachable(unreachable.detail()));
        };
    }

    private static DeliveryFailure refusal(int status, JsonNode answer) {
        JsonNode error = answer.path("error");
        String message = MetaNotification.text(error, "message");
        return GraphErrors.classify(
                status,
                error.path("code").asInt(0),
                error.path("error_subcode").asInt(0),
                message != null ? message : "HTTP " + status);
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
