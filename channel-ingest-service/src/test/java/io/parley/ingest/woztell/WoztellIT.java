package io.parley.ingest.woztell;

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
import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.EntryPoint;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code /webhooks/woztell/{accountId}} and WOZTELL's {@code sendResponses} against a stub: signature, text
 * with either timestamp form, media fetched and kept (only from WOZTELL's hosts or the account's own), duplicates
 * (by id and by body hash) once, bad requests refused, the exact send body with the conversation's channel,
 * failures FAILED, and the welcome message.
 */
class WoztellIT extends RunningIngest {

    static final String SECRET = "woztell-channel-secret";
    static final WireMockServer WOZTELL = startPlatformStub();

    @Test
    void textInEitherTimestampFormBecomesAnInboundMessage() {
        ChannelAccount account = givenAccount("token", null);

        HttpResponse<String> seconds = postSigned(
                account.id(),
                message("m-sec", "85291234567", "\"1700000000\"", "TEXT", "{\"text\":\"Hello\"}"),
                SECRET);
        HttpResponse<String> millis = postSigned(
                account.id(), message("m-ms", "85291234567", "1700000000123", "TEXT", "{\"text\":\"Again\"}"), SECRET);

        assertThat(seconds.statusCode()).isEqualTo(200);
        assertThat(millis.statusCode()).isEqualTo(200);
        InboundMessageReceived hello = awaitInbound(account, "m-sec");
        assertThat(hello.conversationKey().value()).isEqualTo("woztell:" + account.id() + ":85291234567");
        assertThat(hello.channel()).isEqualTo(Channel.WOZTELL);
        assertThat(hello.entryPoint().type()).isEqualTo(EntryPoint.Type.CHANNEL);
        assertThat(hello.text()).isEqualTo("Hello");
        assertThat(hello.sentAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        InboundMessageReceived again = awaitInbound(account, "m-ms");
        assertThat(again.text()).isEqualTo("Again");
        assertThat(again.sentAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    }

    @Test
    void anImageIsFetchedKeptAndServedToStaff() {
        ChannelAccount account = givenAccount("token", null);
        String path = base(account) + "/media/" + UUID.randomUUID() + ".jpg";
        byte[] jpeg = MediaSamples.jpeg(1500);
        WOZTELL.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));

        postSigned(
                account.id(),
                message(
                        "m-img",
                        "u1",
                        "1700000000123",
                        "IMAGE",
                        "{\"attachments\":[{\"type\":\"image\",\"url\":\"" + WOZTELL.baseUrl() + path + "\"}]}"),
                SECRET);

        InboundMessageReceived picture = awaitInbound(account, "m-img");
        assertThat(picture.text()).isEqualTo("[image]");
        AttachmentRef kept = picture.attachments().getFirst();
        assertThat(kept.ref()).startsWith(MediaStore.REF_PREFIX);
        assertThat(kept.mediaType()).isEqualTo("image/jpeg");
        HttpResponse<byte[]> served = MediaSamples.download(uri("/"), kept.ref(), JWKS.token("staff-1", "STAFF"));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(jpeg);
    }

    @Test
    void mediaOutsideWoztellsHostsIsNotFetchedAndStaysAReferenceWithANote() {
        ChannelAccount account = givenAccount("token", null);
        String path = base(account) + "/media/" + UUID.randomUUID() + ".jpg";
        WOZTELL.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(MediaSamples.jpeg(64))));
        // The same stub server under another host name: not the account's platform host, not a WOZTELL one.
        String outside = "http://127.0.0.1:" + WOZTELL.port() + path;

        postSigned(
                account.id(),
                message(
                        "m-out",
                        "u1",
                        "1700000000123",
                        "IMAGE",
                        "{\"attachments\":[{\"type\":\"image\",\"url\":\"" + outside + "\"}]}"),
                SECRET);

        InboundMessageReceived picture = awaitInbound(account, "m-out");
        assertThat(picture.attachments()).containsExactly(new AttachmentRef(outside, "image/*", null, null));
        assertThat(picture.text()).isEqualTo("[image]\n[image not fetched: not from the platform's media hosts]");
        WOZTELL.verify(0, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void duplicatesArePublishedOnceByIdOrByBodyHash() {
        ChannelAccount account = givenAccount("token", null);
        String withId = message("m-dup", "u2", "1700000000123", "TEXT", "{\"text\":\"once\"}");
        String withoutId = message(null, "u2", "1700000000456", "TEXT", "{\"text\":\"hashed\"}");

        assertThat(postSigned(account.id(), withId, SECRET).statusCode()).isEqualTo(200);
        assertThat(postSigned(account.id(), withId, SECRET).statusCode()).isEqualTo(200);
        assertThat(postSigned(account.id(), withoutId, SECRET).statusCode()).isEqualTo(200);
        assertThat(postSigned(account.id(), withoutId, SECRET).statusCode()).isEqualTo(200);
        postSigned(account.id(), message("m-marker", "u2", "1700000000789", "TEXT", "{\"text\":\"x\"}"), SECRET);
        awaitInbound(account, "m-marker");

        assertThat(INBOUND.seen(
                        InboundMessageReceived.class,
                        m -> m.channelAccountId().equals(account.id())
                                && m.platformMessageId().equals("m-dup")))
                .hasSize(1);
        assertThat(INBOUND.seen(
                        InboundMessageReceived.class,
                        m -> m.channelAccountId().equals(account.id()) && "hashed".equals(m.text())))
                .hasSize(1)
                .allSatisfy(m -> assertThat(m.platformMessageId()).startsWith("sha256:"));
    }

    @Test
    void badSignatureMalformedOversizedAndUnknownAccountAreRefused() {
        ChannelAccount account = givenAccount("token", null);
        String body = message("m-bad", "u3", "1700000000123", "TEXT", "{\"text\":\"x\"}");
        double before = inboundPublished();
        byte[] large = overOneMebibyte();

        HttpResponse<String> forged = postSigned(account.id(), body, "another-secret");
        HttpResponse<String> unsigned = postRaw(account.id(), body.getBytes(StandardCharsets.UTF_8), null);
        HttpResponse<String> notJson = postSigned(account.id(), "{oops", SECRET);
        HttpResponse<String> noFrom = postSigned(account.id(), "{\"type\":\"TEXT\",\"data\":{\"text\":\"x\"}}", SECRET);
        HttpResponse<String> noText = postSigned(account.id(), message("m-nt", "u3", "1", "TEXT", "{}"), SECRET);
        HttpResponse<String> tooLarge = postRaw(account.id(), large, Hmac.base64(SECRET, large));
        HttpResponse<String> unknown = postSigned("woztell-nobody-" + UUID.randomUUID(), body, SECRET);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(code(forged)).isEqualTo("webhook.bad-signature");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(code(unsigned)).isEqualTo("webhook.bad-signature");
        assertThat(List.of(notJson, noFrom, noText)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(code(response)).isEqualTo("webhook.malformed");
        });
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(code(tooLarge)).isEqualTo("webhook.too-large");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("webhook.unknown-account");
        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void aReplyGoesThroughTheConversationsChannelWithTheExactBody() {
        ChannelAccount account = givenAccount("woztell-token", "account-channel");
        WOZTELL.stubFor(post(urlPathEqualTo(base(account) + "/sendResponses"))
                .willReturn(okJson("{\"ok\":1,\"messageId\":\"wz-out-1\"}")));
        postSigned(account.id(), message("m-q", "85290000001", "1700000000123", "TEXT", "{\"text\":\"?\"}"), SECRET);
        awaitInbound(account, "m-q");
        ConversationKey key = new ConversationKey(Channel.WOZTELL, account.id(), "85290000001");

        String id = reply(key, "Hello from Parley");

        assertThat(awaitStatus(id, DeliveryStatus.SENT).platformMessageId()).isEqualTo("wz-out-1");
        WOZTELL.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/sendResponses"))
                        .withHeader("Authorization", equalTo("Bearer woztell-token"))
                        .withRequestBody(equalToJson("""
                        {"channelId":"ch-1","recipientId":"85290000001",
                         "response":[{"type":"TEXT","text":"Hello from Parley"}]}""")));
    }

    @Test
    void withoutAnInboundChannelTheAccountsChannelIdIsUsed() {
        ChannelAccount account = givenAccount("woztell-token", "account-channel");
        WOZTELL.stubFor(post(urlPathEqualTo(base(account) + "/sendResponses")).willReturn(okJson("{\"ok\":1}")));

        String id = reply(new ConversationKey(Channel.WOZTELL, account.id(), "u-new"), "Hi");

        assertThat(awaitStatus(id, DeliveryStatus.SENT).platformMessageId()).isNull();
        WOZTELL.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/sendResponses"))
                        .withRequestBody(equalToJson("""
                        {"channelId":"account-channel","recipientId":"u-new",
                         "response":[{"type":"TEXT","text":"Hi"}]}""")));
    }

    @Test
    void refusalsAndMissingSettingsAreFailed() {
        ChannelAccount revoked = givenAccount("revoked", "ch");
        WOZTELL.stubFor(post(urlPathEqualTo(base(revoked) + "/sendResponses"))
                .willReturn(aResponse().withStatus(401).withBody("{\"ok\":0,\"error\":\"Unauthorized\"}")));
        ChannelAccount refusing = givenAccount("token", "ch");
        WOZTELL.stubFor(post(urlPathEqualTo(base(refusing) + "/sendResponses"))
                .willReturn(okJson("{\"ok\":0,\"error\":\"Invalid recipient\"}")));
        ChannelAccount unconfigured = givenAccount("token", null);

        String badToken = reply(new ConversationKey(Channel.WOZTELL, revoked.id(), "u"), "hi");
        String rejected = reply(new ConversationKey(Channel.WOZTELL, refusing.id(), "u"), "hi");
        String noChannel = reply(new ConversationKey(Channel.WOZTELL, unconfigured.id(), "u"), "hi");

        DeliveryStatusChanged credentials = awaitStatus(badToken, DeliveryStatus.FAILED);
        assertThat(credentials.failure().code()).isEqualTo("bad-credentials");
        assertThat(credentials.failure().actionRequired()).isTrue();
        DeliveryStatusChanged refused = awaitStatus(rejected, DeliveryStatus.FAILED);
        assertThat(refused.failure().code()).isEqualTo("rejected");
        assertThat(refused.failure().reason()).contains("Invalid recipient");
        assertThat(awaitStatus(noChannel, DeliveryStatus.FAILED).failure().code())
                .isEqualTo("not-configured");
    }

    @Test
    void theWelcomeMessageIsSentThroughTheAccountsChannelWhenAnEnquiryOpens() {
        ChannelAccount account = givenAccount("woztell-token", "account-channel", "Welcome to our WOZTELL service!");
        WOZTELL.stubFor(post(urlPathEqualTo(base(account) + "/sendResponses"))
                .willReturn(okJson("{\"ok\":1,\"messageId\":\"wz-welcome\"}")));

        String welcome = openEnquiry(new ConversationKey(Channel.WOZTELL, account.id(), "85290000002"), account);

        assertThat(awaitStatus(welcome, DeliveryStatus.SENT).platformMessageId())
                .isEqualTo("wz-welcome");
        WOZTELL.verify(
                1,
                postRequestedFor(urlPathEqualTo(base(account) + "/sendResponses"))
                        .withHeader("Authorization", equalTo("Bearer woztell-token"))
                        .withRequestBody(equalToJson("""
                        {"channelId":"account-channel","recipientId":"85290000002",
                         "response":[{"type":"TEXT","text":"Welcome to our WOZTELL service!"}]}""")));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private ChannelAccount givenAccount(String accessToken, @Nullable String channelId) {
        return givenAccount(accessToken, channelId, null);
    }

    private ChannelAccount givenAccount(String accessToken, @Nullable String channelId, @Nullable String welcome) {
        String id = "woztell-" + UUID.randomUUID();
        Map<String, String> secrets = new HashMap<>(Map.of("channelSecret", SECRET, "accessToken", accessToken));
        if (channelId != null) {
            secrets.put("channelId", channelId);
        }
        return givenChannelAccount(
                id, Channel.WOZTELL, "WOZTELL " + id, secrets, Map.of(), WOZTELL.baseUrl() + "/" + id, welcome);
    }

    private static String base(ChannelAccount account) {
        return "/" + account.id();
    }

    static String message(@Nullable String messageId, String from, String timestamp, String type, String data) {
        return """
                {"from":"%s","to":"bot","timestamp":%s,"type":"%s","data":%s,
                 "member":"mem-1","channel":"ch-1","app":"app-1"%s}""".formatted(
                        from, timestamp, type, data, messageId == null ? "" : ",\"messageId\":\"" + messageId + "\"");
    }

    private HttpResponse<String> postSigned(String accountId, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return postRaw(accountId, bytes, Hmac.base64(secret, bytes));
    }

    private HttpResponse<String> postRaw(String accountId, byte[] body, @Nullable String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhooks/woztell/" + accountId))
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Woztell-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
