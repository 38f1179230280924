package io.parley.ingest.meta;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.account.ChannelAccount;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The running service with Meta's Graph API as a local WireMock stub, and Messenger and WhatsApp accounts
 * under fresh ids (page id / phone number id = account id) that send to it.
 */
abstract class RunningMeta extends RunningIngest {

    static final String APP_SECRET = "test-app-secret";
    static final String VERIFY_TOKEN = "test-verify-token";
    static final WireMockServer GRAPH = startPlatformStub();

    ChannelAccount givenPage(@Nullable String welcome) {
        return givenPage(welcome, Map.of());
    }

    /** A page with these non-secret settings. */
    ChannelAccount givenPage(@Nullable String welcome, Map<String, String> settings) {
        return givenAccount(
                Channel.FACEBOOK,
                "Page " + fresh("p"),
                Map.of("pageAccessToken", "page-token-" + fresh("t")),
                settings,
                welcome);
    }

    ChannelAccount givenPhone(@Nullable String welcome) {
        return givenAccount(
                Channel.WHATSAPP,
                "Number " + fresh("n"),
                Map.of("accessToken", "wa-token-" + fresh("t")),
                Map.of(),
                welcome);
    }

    private ChannelAccount givenAccount(
            Channel channel,
            String name,
            Map<String, String> token,
            Map<String, String> settings,
            @Nullable String welcome) {
        Map<String, String> secrets = new java.util.HashMap<>(token);
        secrets.put("appSecret", APP_SECRET);
        secrets.put("verifyToken", VERIFY_TOKEN);
        return givenChannelAccount(
                String.valueOf(System.nanoTime()), channel, name, secrets, settings, GRAPH.baseUrl(), welcome);
    }

    HttpResponse<String> postSigned(String path, String body, String secret) {
        return postRaw(
                path,
                body.getBytes(StandardCharsets.UTF_8),
                WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> postRaw(String path, byte[] body, @Nullable String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Graph API refusing a call with this HTTP status and its JSON {@code error} object. */
    static ResponseDefinitionBuilder graphError(int status, String error) {
        return WireMock.aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":" + error + "}");
    }

    /** The path of the Graph API's send endpoint for this page or number. */
    static String messages(ChannelAccount account) {
        return "/v21.0/" + account.id() + "/messages";
    }

    static List<InboundMessageReceived> inboundOf(ConversationKey key) {
        return INBOUND.seen(
                InboundMessageReceived.class, m -> m.conversationKey().equals(key));
    }
}
