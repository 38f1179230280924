package io.parley.ingest.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.Hmac;
import io.parley.ingest.connector.MediaSamples;
import io.parley.ingest.media.MediaStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code /webhooks/line/{accountId}} and LINE's reply and push APIs against a stub: signature, the console's
 * empty check, text and media in, redeliveries once, the welcome pushed when an enquiry opens, bad requests refused, the reply token used once and
 * then push with a retry key, and a refused token reported FAILED.
 */
class LineIT extends RunningIngest {

    static final String SECRET = "line-channel-secret";
    static final WireMockServer LINE = startPlatformStub();

    @Test
    void theConsolesEmptyCheckIsAnswered200() {
        ChannelAccount account = givenAccount("token");

        assertThat(postSigned(account.id(), "{\"destination\":\"U0\",\"events\":[]}", SECRET)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void textAndMediaMessagesBecomeInboundMessages() {
        ChannelAccount account = givenAccount("token");
        byte[] png = MediaSamples.png(777);
        LINE.stubFor(WireMock.get(urlPathEqualTo(base(account) + "/v2/bot/message/m2/content"))
                .withHeader("Authorization", equalTo("Bearer token"))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        String text = "ev-" + UUID.randomUUID();
        String image = "ev-" + UUID.randomUUID();
        String body = webhook(
                event(text, "rt-1", "Uabc", "{\"id\":\"m1\",\"type\":\"text\",\"text\":\"Hello\"}", false),
                event(image, "rt-2", "Uabc", "{\"id\":\"m2\",\"type\":\"image\"}", false));

        assertThat(postSigned(account.id(), body, SECRET).statusCode()).isEqualTo(200);

        InboundMessageReceived hello = awaitInbound(account, "m1");
        assertThat(hello.conversationKey()).isEqualTo(new ConversationKey(Channel.LINE, account.id(), "Uabc"));
        assertThat(hello.text()).isEqualTo("Hello");
        assertThat(hello.sentAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        InboundMessageReceived picture = awaitInbound(account, "m2");
        assertThat(picture.text()).isEqualTo("[image]");
        assertThat(picture.attachments().getFirst().ref()).startsWith(MediaStore.REF_PREFIX);
        assertThat(picture.attachments().getFirst().mediaType()).isEqualTo("image/png");
        assertThat(MediaSamples.download(
                                uri("/"), picture.attachments().getFirst().ref(), JWKS.token("staff-1", "STAFF"))
                        .body())
                .isEqualTo(png);
        LINE.verify(1, getRequestedFor(urlPathEqualTo(base(account) + "/v2/bot/message/m2/content")));
    }

    @Test
    void aRedeliveredEventIsPublishedOnce() {
        ChannelAccount account = givenAccount("token");
        String eventId = "ev-" + UUID.randomUUID();
        String message = "{\"id\":\"m1\",\"type\":\"text\",\"text\":\"Hello\"}";

        assertThat(postSigned(account.id(), webhook(event(eventId, "rt-1", "Uabc", message, false)), SECRET)
                        .statusCode())
                .isEqualTo(200);
        assertThat(postSigned(account.id(), webhook(event(eventId, "rt-1", "Uabc", message, true)), SECRET)
                        .statusCode())
                .isEqualTo(200);
        postSigned(
                account.id(),
                webhook(event(
                        "ev-" + UUID.randomUUID(),
                        "rt-3",
                        "Uabc",
                        "{\"id\":\"m3\",\"type\":\"text\",\"text\":\"x\"}",
                        false)),
                SECRET);
        awaitInbound(account, "m3");

        assertThat(INBOUND.seen(
                        InboundMessageReceived.class,
                        m -> m.channelAccountId().equals(account.id())
                                && m.platformMessageId().equals("m1")))
                .hasSize(1);
    }

    @Test
    void contentLineWillNotGiveStaysAReferenceWithANote() {
        ChannelAccount account = givenAccount("token");
        LINE.stubFor(WireMock.get(urlPathEqualTo(base(account) + "/v2/bot/message/v1/content"))
                .willReturn(aResponse().withStatus(404)));

        postSigned(
                account.id(),
                webhook(event("ev-" + UUID.randomUUID(), "rt", "Uvid", "{\"id\":\"v1\",\"type\":\"video\"}", false)),
                SECRET);

        InboundMessageReceived video = awaitInbound(account, "v1");
        assertThat(video.attachments().getFirst().ref()).isEqualTo("line-content:v1");
        assertThat(video.text()).isEqualTo("[video]\n[video not fetched: the platform answered HTTP 404]");
    }

    @Test
    void theCustomersNameAndPictureComeFromTheProfileApiAndItsFailureFailsNothing() {
        ChannelAccount account = givenAccount("token");
        byte[] jpeg = MediaSamples.jpeg(300);
        LINE.stubFor(WireMock.get(urlPathEqualTo(base(account) + "/v2/bot/profile/Uprofile"))
                .withHeader("Authorization", equalTo("Bearer token"))
                .willReturn(okJson("""
                        {"displayName":"Lin Mei","userId":"Uprofile","pictureUrl":"%s","statusMessage":"hi"}""".formatted(LINE.baseUrl() + base(account) + "/picture.jpg"))));
        LINE.stubFor(WireMock.get(urlPathEqualTo(base(account) + "/picture.jpg"))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        LINE.stubFor(WireMock.get(urlPathEqualTo(base(account) + "/v2/bot/profile/Udown"))
                .willReturn(aResponse().withStatus(503)));

        HttpResponse<String> known = postSigned(
                account.id(),
                webhook(event(
                        "ev-" + UUID.randomUUID(),
                        "rt",
                        "Uprofile",
                        "{\"id\":\"p1\",\"type\":\"text\",\"text\":\"a\"}",
                        false)),
                SECRET);
        HttpResponse<String> down = postSigned(
                account.id(),
                webhook(event(
                        "ev-" + UUID.randomUUID(),
                        "rt",
                        "Udown",
                        "{\"id\":\"p2\",\"type\":\"text\",\"text\":\"b\"}",
                        false)),
                SECRET);

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(down.statusCode()).isEqualTo(200);
        InboundMessageReceived named = awaitInbound(account, "p1");
        assertThat(named.customer().displayName()).isEqualTo("Lin Mei");
        assertThat(MediaSamples.download(uri("/"), named.customer().photoUrl(), JWKS.token("staff-1", "STAFF"))
                        .body())
                .isEqualTo(jpeg);
        InboundMessageReceived unnamed = awaitInbound(account, "p2");
        assertThat(unnamed.customer().externalId()).isEqualTo("Udown");
        assertThat(unnamed.customer().displayName()).isNull();
    }

    @Test
    void badSignatureMalformedAndOversizedAreRefused() {
        ChannelAccount account = givenAccount("token");
        String body = webhook(
                event("ev-" + UUID.randomUUID(), "rt", "U1", "{\"id\":\"m\",\"type\":\"text\",\"text\":\"x\"}", false));
        double before = inboundPublished();
        byte[] large = overOneMebibyte();

        HttpResponse<String> forged = postSigned(account.id(), body, "another-secret");
        HttpResponse<String> unsigned = postRaw(account.id(), body.getBytes(StandardCharsets.UTF_8), null);
        HttpResponse<String> malformed = postSigned(account.id(), "{\"events\":{}}", SECRET);
        HttpResponse<String> tooLarge = postRaw(account.id(), large, Hmac.base64(SECRET, large));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("webhook.bad-signature");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(code(malformed)).isEqualTo("webhook.malformed");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void theFirstReplyUsesTheReplyTokenAndTheNextIsPushedWithARetryKey() {
        ChannelAccount account = givenAccount("line-token");
        LINE.stubFor(post(urlPathEqualTo(base(account) + "/v2/bot/message/reply"))
                .willReturn(okJson("{\"sentMessages\":[{\"id\":\"461230966842064897\"}]}")));
        LINE.stubFor(post(urlPathEqualTo(base(account) + "/v2/bot/message/push"))
                .willReturn(okJson("{\"sentMessages\":[{\"id\":\"461230966842064898\"}]}")));
        String replyToken = "rt-" + UUID.randomUUID();
        postSigned(
                account.id(),
                webhook(event(
                        "ev-" + UUID.randomUUID(),
                        replyToken,
                        "Ucust",
                        "{\"id\":\"mq\",\"type\":\"text\",\"text\":\"?\"}",
                        false)),
                SECRET);
        awaitInbound(account, "mq");
        ConversationKey key = new ConversationKey(Channel.LINE, account.id(), "Ucust");

        String first = reply(key, "Hello from Parley");
        assertThat(awaitStatus(first, DeliveryStatus.SENT).platformMessageId()).isEqualTo("461230966842064897");
        String second = reply(key, "Anything else?");
        assertThat(awaitStatus(second, DeliveryStatus.SENT).platformMessageId()).isEqualTo("461230966842064898");

        LINE.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/v2/bot/message/reply"))
                        .withHeader("Authorization", equalTo("Bearer line-token"))
                        .withRequestBody(equalToJson("""
                        {"replyToken":"%s","messages":[{"type":"text","text":"Hello from Parley"}]}""".formatted(replyToken))));
        LINE.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/v2/bot/message/push"))
                        .withHeader(
                                "X-Line-Retry-Key",
                                equalTo(UUID.nameUUIDFromBytes(second.getBytes(StandardCharsets.UTF_8))
                                        .toString()))
                        .withRequestBody(equalToJson("""
                        {"to":"Ucust","messages":[{"type":"text","text":"Anything else?"}]}""")));
    }

    @Test
    void aRefusedAccessTokenIsFailedWithBadCredentials() {
        ChannelAccount account = givenAccount("revoked");
        LINE.stubFor(post(urlPathEqualTo(base(account) + "/v2/bot/message/push"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Authentication failed\"}")));

        String id = reply(new ConversationKey(Channel.LINE, account.id(), "Unone"), "hi");

        DeliveryStatusChanged failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(failed.failure().code()).isEqualTo("bad-credentials");
        assertThat(failed.failure().actionRequired()).isTrue();
    }

    @Test
    void theWelcomeMessageIsPushedWhenAnEnquiryOpens() {
        ChannelAccount account = givenAccount("line-token", "Welcome to our LINE service!");
        LINE.stubFor(post(urlPathEqualTo(base(account) + "/v2/bot/message/push"))
                .willReturn(okJson("{\"sentMessages\":[{\"id\":\"461230966842064899\"}]}")));

        String welcome = openEnquiry(new ConversationKey(Channel.LINE, account.id(), "Unew"), account);

        assertThat(awaitStatus(welcome, DeliveryStatus.SENT).platformMessageId())
                .isEqualTo("461230966842064899");
        LINE.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/v2/bot/message/push"))
                        .withHeader("Authorization", equalTo("Bearer line-token"))
                        .withRequestBody(equalToJson("""
                        {"to":"Unew","messages":[{"type":"text","text":"Welcome to our LINE service!"}]}""")));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private ChannelAccount givenAccount(String accessToken) {
        return givenAccount(accessToken, null);
    }

    private ChannelAccount givenAccount(String accessToken, @Nullable String welcome) {
        String id = "line-" + UUID.randomUUID();
        return givenChannelAccount(
                id,
                Channel.LINE,
                "LINE " + id,
                Map.of("channelSecret", SECRET, "channelAccessToken", accessToken),
                Map.of(),
                LINE.baseUrl() + "/" + id,
                welcome);
    }

    private static String base(ChannelAccount account) {
        return "/" + account.id();
    }

    static String event(String eventId, String replyToken, String userId, String message, boolean redelivery) {
        return """
                {"type":"message","mode":"active","timestamp":1700000000123,
                 "source":{"type":"user","userId":"%s"},"webhookEventId":"%s",
                 "deliveryContext":{"isRedelivery":%s},"replyToken":"%s","message":%s}""".formatted(userId, eventId, redelivery, replyToken, message);
    }

    static String webhook(String... events) {
        return "{\"destination\":\"U0\",\"events\":[" + String.join(",", events) + "]}";
    }

    private HttpResponse<String> postSigned(String accountId, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return postRaw(accountId, bytes, Hmac.base64(secret, bytes));
    }

    private HttpResponse<String> postRaw(String accountId, byte[] body, @Nullable String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/line/" + accountId))
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("x-line-signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
