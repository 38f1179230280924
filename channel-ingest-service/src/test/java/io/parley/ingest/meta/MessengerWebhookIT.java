package io.parley.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /webhooks/facebook}: the subscribe handshake, signed notifications normalised to inbound messages
 * keyed {@code facebook:<page>:<PSID>} and in Kafka before the 200, and every bad request refused with
 * nothing published.
 */
class MessengerWebhookIT extends RunningMeta {

    @Test
    void theHandshakeEchoesTheChallengeForOurVerifyToken() {
        givenPage(null);

        HttpResponse<String> response = get(
                "/webhooks/facebook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444",
                null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void theHandshakeIsForbiddenWithAnotherVerifyToken() {
        givenPage(null);

        HttpResponse<String> response =
                get("/webhooks/facebook?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=42", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("webhook.forbidden");
        assertThat(response.body()).doesNotContain("42");
    }

    @Test
    void aTextMessageBecomesAnInboundMessageOfItsPageAndCustomer() {
        ChannelAccount page = givenPage(null);
        String mid = "m_" + UUID.randomUUID();

        HttpResponse<String> response = postSigned(
                "/webhooks/facebook",
                notification(page.id(), event("6543210", mid, "Where is my parcel?")),
                APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(mid);
        assertThat(message.conversationKey()).isEqualTo(new ConversationKey(Channel.FACEBOOK, page.id(), "6543210"));
        assertThat(message.conversationKey().value()).isEqualTo("facebook:" + page.id() + ":6543210");
        assertThat(message.channel()).isEqualTo(Channel.FACEBOOK);
        assertThat(message.channelAccountId()).isEqualTo(page.id());
        assertThat(message.entryPoint()).isEqualTo(new EntryPoint(EntryPoint.Type.CHANNEL, page.id(), page.name()));
        assertThat(message.customer().externalId()).isEqualTo("6543210");
        assertThat(message.text()).isEqualTo("Where is my parcel?");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    }

    @Test
    void everyMessageOfOneRequestIsPublishedAndEchoesAreNot() {
        ChannelAccount page = givenPage(null);
        String first = "m_" + UUID.randomUUID();
        String second = "m_" + UUID.randomUUID();
        String echo = "m_" + UUID.randomUUID();
        String body = notification(
                page.id(), event("111", first, "one"), event("222", second, "two"), """
                {"sender":{"id":"%s"},"recipient":{"id":"111"},"timestamp":1700000000123,
                 "message":{"mid":"%s","is_echo":true,"text":"our own reply"}}""".formatted(page.id(), echo));

        HttpResponse<String> response = postSigned("/webhooks/facebook", body, APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(awaitInbound(first).customer().externalId()).isEqualTo("111");
        assertThat(awaitInbound(second).customer().externalId()).isEqualTo("222");
        assertThat(INBOUND.seen(
                        InboundMessageReceived.class, m -> m.platformMessageId().equals(echo)))
                .isEmpty();
    }

    @Test
    void aPostbackBecomesAMessageWithItsTitle() {
        ChannelAccount page = givenPage(null);
        String mid = "m_" + UUID.randomUUID();
        String body = notification(page.id(), """
                {"sender":{"id":"777"},"recipient":{"id":"%s"},"timestamp":1700000000123,
                 "postback":{"mid":"%s","title":"Talk to sales","payload":"SALES"}}""".formatted(page.id(), mid));

        postSigned("/webhooks/facebook", body, APP_SECRET);

        assertThat(awaitInbound(mid).text()).isEqualTo("Talk to sales");
    }

    @Test
    void aRedeliveredMessageIsPublishedOnce() {
        ChannelAccount page = givenPage(null);
        String mid = "m_" + UUID.randomUUID();
        String marker = "m_" + UUID.randomUUID();
        String body = notification(page.id(), event("333", mid, "again?"));

        assertThat(postSigned("/webhooks/facebook", body, APP_SECRET).statusCode())
                .isEqualTo(200);
        assertThat(postSigned("/webhooks/facebook", body, APP_SECRET).statusCode())
                .isEqualTo(200);
        postSigned("/webhooks/facebook", notification(page.id(), event("333", marker, "marker")), APP_SECRET);
        awaitInbound(marker);

        assertThat(INBOUND.seen(
                        InboundMessageReceived.class, m -> m.platformMessageId().equals(mid)))
                .hasSize(1);
    }

    @Test
    void aBadSignatureIsRefusedAndNothingIsPublished() {
        ChannelAccount page = givenPage(null);
        String mid = "m_" + UUID.randomUUID();
        String body = notification(page.id(), event("444", mid, "forged"));
        double before = inboundPublished();

        HttpResponse<String> wrongSecret = postSigned("/webhooks/facebook", body, "not-the-app-secret");
        HttpResponse<String> missing = postRaw("/webhooks/facebook", body.getBytes(StandardCharsets.UTF_8), null);
        HttpResponse<String> garbage =
                postRaw("/webhooks/facebook", body.getBytes(StandardCharsets.UTF_8), "sha256=zz");

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(code(wrongSecret)).isEqualTo("webhook.bad-signature");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(inboundPublished()).isEqualTo(before);
        assertThat(INBOUND.seen(
                        InboundMessageReceived.class, m -> m.platformMessageId().equals(mid)))
                .isEmpty();
    }

    @Test
    void aSignedBodyThatIsNotJsonIsMalformed() {
        givenPage(null);

        HttpResponse<String> response =
                postSigned("/webhooks/facebook", "{\"object\":\"page\",\"entry\":[", APP_SECRET);
        HttpResponse<String> wrongShape = postSigned("/webhooks/facebook", "[1,2,3]", APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(code(response)).isEqualTo("webhook.malformed");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(code(wrongShape)).isEqualTo("webhook.malformed");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAsTooLarge() {
        givenPage(null);
        byte[] body = overOneMebibyte();

        HttpResponse<String> response = postRaw("/webhooks/facebook", body, WebhookSignature.sign(APP_SECRET, body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("webhook.too-large");
    }

    @Test
    void aMessageForAnUnknownPageIsAcknowledgedAndIgnored() {
        givenPage(null);
        String mid = "m_" + UUID.randomUUID();
        double before = inboundPublished();

        HttpResponse<String> response =
                postSigned("/webhooks/facebook", notification("no-such-page", event("555", mid, "hi")), APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inboundPublished()).isEqualTo(before);
    }

    static String event(String psid, String mid, String text) {
        return """
                {"sender":{"id":"%s"},"recipient":{"id":"PAGE"},"timestamp":1700000000123,
                 "message":{"mid":"%s","text":"%s"}}""".formatted(psid, mid, text);
    }

    static String notification(String pageId, String... events) {
        return """
                {"object":"page","entry":[{"id":"%s","time":1700000000200,"messaging":[%s]}]}""".formatted(pageId, String.join(",", events));
    }
}
