package io.parley.ingest.thirdparty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.DeliveryStatus;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.MediaSamples;
import io.parley.ingest.media.MediaStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /webhooks/third-party/{accountId}} and the signed callbacks, against a stub third-party system:
 * Standard Webhooks signatures both ways, the timestamp tolerance, dedup on {@code webhook-id}, bad requests
 * refused with nothing published, attachments kept only from the callback URL's host, and an undeliverable
 * reply FAILED, dead-lettered, listed and replayed.
 */
class ThirdPartyIT extends RunningIngest {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("third-party-test-key!".getBytes());
    static final WireMockServer SYSTEM = startPlatformStub();

    @Test
    void aSignedMessageBecomesAnInboundMessageOfItsAccountAndCustomer() {
        ChannelAccount account = givenAccount(null);
        String messageId = "msg-" + UUID.randomUUID();

        HttpResponse<String> response = postSigned(account, "wh-" + UUID.randomUUID(), now(), """
                {"customer":{"id":"c-42","name":"Ann","avatarUrl":"https://img.example/ann.png",
                             "email":"ann@example.com"},
                 "message":{"id":"%s","text":"Where is my parcel?","sentAt":"2025-01-31T10:15:30Z"}}""".formatted(messageId));

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(messageId);
        assertThat(message.conversationKey()).isEqualTo(new ConversationKey(Channel.THIRD_PARTY, account.id(), "c-42"));
        assertThat(message.entryPoint())
                .isEqualTo(new EntryPoint(EntryPoint.Type.CHANNEL, account.id(), account.name()));
        assertThat(message.customer())
                .isEqualTo(new Customer("c-42", "Ann", "https://img.example/ann.png", "ann@example.com"));
        assertThat(message.text()).isEqualTo("Where is my parcel?");
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2025-01-31T10:15:30Z"));
    }

    @Test
    void anAttachmentOnTheCallbacksHostIsFetchedKeptAndServedToStaff() {
        ChannelAccount account = givenAccount(null);
        String path = "/files/" + UUID.randomUUID() + ".png";
        byte[] png = MediaSamples.png(900);
        SYSTEM.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        String messageId = "msg-" + UUID.randomUUID();

        HttpResponse<String> response =
                postSigned(account, "wh-" + UUID.randomUUID(), now(), attachment(messageId, SYSTEM.baseUrl() + path));

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(messageId);
        assertThat(message.text()).isNull();
        AttachmentRef kept = message.attachments().getFirst();
        assertThat(kept.ref()).startsWith(MediaStore.REF_PREFIX);
        assertThat(kept.mediaType()).isEqualTo("image/png");
        assertThat(kept.fileName()).isEqualTo("a.png");
        assertThat(kept.sizeBytes()).isEqualTo(900L);
        HttpResponse<byte[]> served = MediaSamples.download(uri("/"), kept.ref(), JWKS.token("staff-1", "STAFF"));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
    }

    @Test
    void anAttachmentElsewhereIsNotFetchedAndStaysAReferenceWithANote() {
        ChannelAccount account = givenAccount(null);
        String path = "/files/" + UUID.randomUUID() + ".png";
        SYSTEM.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(MediaSamples.png(64))));
        // The same stub server under another host name: not the host of the account's callback URL.
        String elsewhere = "http://127.0.0.1:" + SYSTEM.port() + path;
        String messageId = "msg-" + UUID.randomUUID();

        postSigned(account, "wh-" + UUID.randomUUID(), now(), attachment(messageId, elsewhere));

        InboundMessageReceived message = awaitInbound(messageId);
        assertThat(message.attachments()).containsExactly(new AttachmentRef(elsewhere, "image/png", "a.png", 1234L));
        assertThat(message.text()).isEqualTo("[image not fetched: not from the platform's media hosts]");
        SYSTEM.verify(0, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aRedeliveryWithTheSameWebhookIdIsPublishedOnce() {
        ChannelAccount account = givenAccount(null);
        String messageId = "msg-" + UUID.randomUUID();
        String webhookId = "wh-" + UUID.randomUUID();
        String body = message("c-1", messageId, "again?");

        assertThat(postSigned(account, webhookId, now(), body).statusCode()).isEqualTo(200);
        assertThat(postSigned(account, webhookId, now(), body).statusCode()).isEqualTo(200);
        String marker = "msg-" + UUID.randomUUID();
        postSigned(account, "wh-" + UUID.randomUUID(), now(), message("c-1", marker, "marker"));
        awaitInbound(marker);

        assertThat(INBOUND.seen(
                        InboundMessageReceived.class, m -> m.platformMessageId().equals(messageId)))
                .hasSize(1);
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsPublished() {
        ChannelAccount account = givenAccount(null);
        String body = message("c-2", "msg-" + UUID.randomUUID(), "forged");
        double before = inboundPublished();
        String timestamp = now();
        byte[] otherKey = StandardWebhooks.key("whsec_" + Base64.getEncoder().encodeToString("guess".getBytes()));

        HttpResponse<String> wrongKey = postRaw(
                account.id(),
                body.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "webhook-id",
                        "wh-1",
                        "webhook-timestamp",
                        timestamp,
                        "webhook-signature",
                        StandardWebhooks.sign(otherKey, "wh-1", timestamp, body.getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> missing = postRaw(account.id(), body.getBytes(StandardCharsets.UTF_8), Map.of());
        HttpResponse<String> garbage = postRaw(
                account.id(),
                body.getBytes(StandardCharsets.UTF_8),
                Map.of("webhook-id", "wh-1", "webhook-timestamp", timestamp, "webhook-signature", "v1,%%%"));

        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(code(wrongKey)).isEqualTo("webhook.bad-signature");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void aTimestampOutsideFiveMinutesIsStale() {
        ChannelAccount account = givenAccount(null);
        String old = Long.toString(Instant.now().minusSeconds(6 * 60).getEpochSecond());
        String future = Long.toString(Instant.now().plusSeconds(6 * 60).getEpochSecond());
        double before = inboundPublished();

        HttpResponse<String> past = postSigned(account, "wh-" + UUID.randomUUID(), old, message("c-3", "m-1", "hi"));
        HttpResponse<String> ahead =
                postSigned(account, "wh-" + UUID.randomUUID(), future, message("c-3", "m-2", "hi"));

        assertThat(past.statusCode()).isEqualTo(401);
        assertThat(code(past)).isEqualTo("webhook.stale");
        assertThat(ahead.statusCode()).isEqualTo(401);
        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void aSignedBodyOutsideTheContractIsMalformed() {
        ChannelAccount account = givenAccount(null);

        HttpResponse<String> notJson = postSigned(account, "wh-" + UUID.randomUUID(), now(), "{\"customer\":");
        HttpResponse<String> noCustomerId = postSigned(account, "wh-" + UUID.randomUUID(), now(), """
                {"customer":{"name":"Ann"},"message":{"id":"m-1","text":"hi"}}""");
        HttpResponse<String> empty = postSigned(account, "wh-" + UUID.randomUUID(), now(), """
                {"customer":{"id":"c-1"},"message":{"id":"m-1"}}""");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(code(notJson)).isEqualTo("webhook.malformed");
        assertThat(noCustomerId.statusCode()).isEqualTo(400);
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyOverOneMebibyteIsTooLargeAndAnUnknownAccountIsNotFound() {
        ChannelAccount account = givenAccount(null);
        byte[] body = overOneMebibyte();

        HttpResponse<String> tooLarge = postRaw(account.id(), body, Map.of());
        HttpResponse<String> unknown = postSigned(account.id() + "-x", account, "wh-1", now(), message("c", "m", "hi"));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(code(tooLarge)).isEqualTo("webhook.too-large");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("webhook.unknown-account");
    }

    @Test
    void aReplyIsPostedToTheCallbackSignedAndReportedSent() {
        ChannelAccount account = givenAccount(null);
        SYSTEM.stubFor(post(urlPathEqualTo(callbackPath(account))).willReturn(ok()));
        ConversationKey key = new ConversationKey(Channel.THIRD_PARTY, account.id(), "c-42");
        OutboundMessageRequested reply = outbound(key, "Your parcel is on its way");

        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, reply);

        DeliveryStatusChanged sent = awaitStatus(reply.outboundMessageId(), DeliveryStatus.SENT);
        assertThat(sent.roomId()).isEqualTo("room-7");
        LoggedRequest request = SYSTEM.findAll(postRequestedFor(urlPathEqualTo(callbackPath(account))))
                .getFirst();
        assertThat(request.getBodyAsString())
                .satisfies(body -> assertThat(JSON.readTree(body))
                        .isEqualTo(JSON.readTree("""
                        {"type":"message","messageId":"%s","customerId":"c-42","purpose":"REPLY",
                         "sender":{"kind":"STAFF","name":"Alice"},"text":"Your parcel is on its way",
                         "sentAt":"%s"}""".formatted(reply.outboundMessageId(), reply.requestedAt()))));
        assertThat(request.getHeader("webhook-id")).isEqualTo(reply.outboundMessageId());
        assertThat(StandardWebhooks.matches(
                        StandardWebhooks.key(SECRET),
                        request.getHeader("webhook-id"),
                        request.getHeader("webhook-timestamp"),
                        request.getBody(),
                        request.getHeader("webhook-signature")))
                .isTrue();
    }

    @Test
    void anUndeliverableReplyFailsIsDeadLetteredAndAnAdminReplaysIt() {
        ChannelAccount account = givenAccount(null);
        SYSTEM.stubFor(post(urlPathEqualTo(callbackPath(account)))
                .willReturn(aResponse().withStatus(503)));
        ConversationKey key = new ConversationKey(Channel.THIRD_PARTY, account.id(), "c-9");
        OutboundMessageRequested reply = outbound(key, "Sorry for the wait");

        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, reply);

        DeliveryStatusChanged failed = awaitStatus(reply.outboundMessageId(), DeliveryStatus.FAILED);
        assertThat(failed.failure().code()).isEqualTo("unreachable");
        assertThat(failed.failure().reason()).contains("HTTP 503 after 3 attempts", "dead letter");
        SYSTEM.verify(3, postRequestedFor(urlPathEqualTo(callbackPath(account))));

        String letters = "/api/admin/channel-accounts/" + account.id() + "/dead-letters";
        assertThat(get(letters, JWKS.token("staff-1", "STAFF")).statusCode()).isEqualTo(403);
        HttpResponse<String> listed = get(letters, admin());
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode letter = json(listed).path(0);
        assertThat(letter.path("id").asString()).isEqualTo(reply.outboundMessageId());
        assertThat(letter.path("state").asString()).isEqualTo("PENDING");
        assertThat(letter.path("failure").path("code").asString()).isEqualTo("unreachable");
        assertThat(letter.path("conversationKey").asString()).isEqualTo(key.value());

        HttpResponse<String> stillDown =
                send("POST", letters + "/" + reply.outboundMessageId() + "/replay", admin(), null);
        assertThat(stillDown.statusCode()).isEqualTo(502);
        assertThat(code(stillDown)).isEqualTo("dead-letter.replay-failed");

        SYSTEM.stubFor(post(urlPathEqualTo(callbackPath(account))).willReturn(ok()));
        HttpResponse<String> replayed =
                send("POST", letters + "/" + reply.outboundMessageId() + "/replay", admin(), null);

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(json(replayed).path("state").asString()).isEqualTo("REPLAYED");
        assertThat(json(replayed).path("attempts").asInt()).isEqualTo(2);
        awaitStatus(reply.outboundMessageId(), DeliveryStatus.SENT);
        SYSTEM.verify(
                7,
                postRequestedFor(urlPathEqualTo(callbackPath(account)))
                        .withRequestBody(equalToJson("""
                {"messageId":"%s","text":"Sorry for the wait"}""".formatted(reply.outboundMessageId()), true, true)));
        HttpResponse<String> again = send("POST", letters + "/" + reply.outboundMessageId() + "/replay", admin(), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("dead-letter.not-pending");
        assertThat(send("POST", letters + "/nope/replay", admin(), null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theWelcomeMessageIsSentOnlyWhenTheAccountEnablesIt() {
        ChannelAccount welcoming = givenAccount("Hello from Parley");
        ChannelAccount silent = givenAccount(null);
        SYSTEM.stubFor(post(urlPathEqualTo(callbackPath(welcoming))).willReturn(ok()));
        SYSTEM.stubFor(post(urlPathEqualTo(callbackPath(silent))).willReturn(ok()));
        String welcomed = "enq-" + UUID.randomUUID();
        String notWelcomed = "enq-" + UUID.randomUUID();

        ConversationKey welcomingKey = new ConversationKey(Channel.THIRD_PARTY, welcoming.id(), "c-1");
        ConversationKey silentKey = new ConversationKey(Channel.THIRD_PARTY, silent.id(), "c-1");
        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, welcomed, opened(welcomed, welcomingKey, welcoming));
        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, notWelcomed, opened(notWelcomed, silentKey, silent));
        OutboundMessageRequested marker = outbound(silentKey, "marker");
        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, silentKey, marker);

        awaitStatus("welcome:" + welcomed, DeliveryStatus.SENT);
        awaitStatus(marker.outboundMessageId(), DeliveryStatus.SENT);
        SYSTEM.verify(
                1,
                postRequestedFor(urlPathEqualTo(callbackPath(welcoming)))
                        .withRequestBody(equalToJson("""
                {"purpose":"WELCOME","sender":{"kind":"SYSTEM"},"text":"Hello from Parley"}""", true, true)));
        SYSTEM.verify(1, postRequestedFor(urlPathEqualTo(callbackPath(silent))));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private ChannelAccount givenAccount(@Nullable String welcome) {
        String id = "tp-" + UUID.randomUUID();
        return givenChannelAccount(
                id,
                Channel.THIRD_PARTY,
                "System " + id,
                Map.of("secret", SECRET),
                welcome == null ? Map.of() : Map.of("welcomeEnabled", "true"),
                SYSTEM.baseUrl() + "/hooks/" + id,
                welcome);
    }

    private static String callbackPath(ChannelAccount account) {
        return "/hooks/" + account.id();
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    static String message(String customerId, String messageId, String text) {
        return """
                {"customer":{"id":"%s"},"message":{"id":"%s","text":"%s"}}""".formatted(customerId, messageId, text);
    }

    /** A message of one PNG declared as {@code a.png} of 1234 bytes, without text. */
    static String attachment(String messageId, String url) {
        return """
                {"customer":{"id":"c-7"},"message":{"id":"%s","attachments":[{"url":"%s",
                 "mediaType":"image/png","fileName":"a.png","sizeBytes":1234}]}}""".formatted(messageId, url);
    }

    private HttpResponse<String> postSigned(ChannelAccount account, String webhookId, String timestamp, String body) {
        return postSigned(account.id(), account, webhookId, timestamp, body);
    }

    private HttpResponse<String> postSigned(
            String path, ChannelAccount signer, String webhookId, String timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = StandardWebhooks.sign(
                StandardWebhooks.key(signer.secrets().get("secret")), webhookId, timestamp, bytes);
        return postRaw(
                path,
                bytes,
                Map.of("webhook-id", webhookId, "webhook-timestamp", timestamp, "webhook-signature", signature));
    }

    private HttpResponse<String> postRaw(String accountId, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/third-party/" + accountId))
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
