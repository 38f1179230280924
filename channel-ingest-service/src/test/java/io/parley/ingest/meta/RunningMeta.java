package io.parley.ingest.meta;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The running service with Meta's Graph API as a local WireMock stub, and Messenger and WhatsApp accounts
 * under fresh ids (page id / phone number id = account id) that send to it.
 */
abstract class RunningMeta extends RunningIngest {

    static final String APP_SECRET = "test-app-secret";
    static final String VERIFY_TOKEN = "test-verify-token";
    static final WireMockServer GRAPH = startGraph();

    @Autowired
    ChannelAccounts accounts;

    private static WireMockServer startGraph() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::stop));
        return server;
    }

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
        return accounts.save(new ChannelAccount(
                String.valueOf(System.nanoTime()),
                channel,
                name,
                true,
                secrets,
                settings,
                GRAPH.baseUrl(),
                welcome,
                Map.of(),
                List.of(),
                Instant.now()));
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

    /** The path of the Graph API's send endpoint for this page or number. */
    static String messages(ChannelAccount account) {
        return "/v21.0/" + account.id() + "/messages";
    }

    /** A staff reply in room {@code room-7} at sequence 3. */
    static OutboundMessageRequested outbound(ConversationKey key, String text) {
        return new OutboundMessageRequested(
                "out-" + UUID.randomUUID(),
                key,
                OutboundMessageRequested.Purpose.REPLY,
                "room-7",
                3L,
                Sender.staff("alice", "Alice"),
                text,
                List.of(),
                Instant.now());
    }

    /** Publishes a staff reply; returns its outbound message id. */
    String reply(ConversationKey key, String text) {
        OutboundMessageRequested request = outbound(key, text);
        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, request);
        return request.outboundMessageId();
    }

    static DeliveryStatusChanged awaitStatus(String outboundMessageId, DeliveryStatus status) {
        return STATUSES.await(
                DeliveryStatusChanged.class,
                s -> s.outboundMessageId().equals(outboundMessageId) && s.status() == status);
    }

    static InboundMessageReceived awaitInbound(String platformMessageId) {
        return INBOUND.await(
                InboundMessageReceived.class, m -> m.platformMessageId().equals(platformMessageId));
    }

    static List<InboundMessageReceived> inboundOf(ConversationKey key) {
        return INBOUND.seen(
                InboundMessageReceived.class, m -> m.conversationKey().equals(key));
    }
}
