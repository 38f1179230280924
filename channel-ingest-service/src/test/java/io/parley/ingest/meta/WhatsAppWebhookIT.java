package io.parley.ingest.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.MediaSamples;
import io.parley.ingest.media.MediaStore;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /webhooks/whatsapp}: the handshake, text and media messages normalised to inbound messages keyed
 * {@code whatsapp:<phone number id>:<wa_id>} with the contact's profile name, a redelivery published once, and
 * bad signatures, malformed and oversized bodies refused.
 */
class WhatsAppWebhookIT extends RunningMeta {

    @Test
    void theHandshakeEchoesTheChallengeOnlyForOurVerifyToken() {
        givenPhone(null);

        HttpResponse<String> ok = get(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=abc123",
                null);
        HttpResponse<String> forbidden =
                get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=abc123", null);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("abc123");
        assertThat(forbidden.statusCode()).isEqualTo(403);
    }

    @Test
    void aTextMessageBecomesAnInboundMessageNamedAfterTheContact() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();

        HttpResponse<String> response = postSigned(
                "/webhooks/whatsapp",
                notification(phone.id(), "\"messages\":[" + text("85291234567", wamid, "Hello there") + "]"),
                APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(wamid);
        assertThat(message.conversationKey())
                .isEqualTo(new ConversationKey(Channel.WHATSAPP, phone.id(), "85291234567"));
        assertThat(message.conversationKey().value()).isEqualTo("whatsapp:" + phone.id() + ":85291234567");
        assertThat(message.channelAccountId()).isEqualTo(phone.id());
        assertThat(message.entryPoint()).isEqualTo(new EntryPoint(EntryPoint.Type.CHANNEL, phone.id(), phone.name()));
        assertThat(message.customer().displayName()).isEqualTo("Wendy");
        assertThat(message.text()).isEqualTo("Hello there");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void anImageIsFetchedInTwoStepsWithTheTokenAndKept() {
        ChannelAccount phone = givenPhone(null);
        String token = "Bearer " + phone.secrets().get("accessToken");
        String mediaId = "media-" + UUID.randomUUID();
        String download = "/whatsapp-cdn/" + mediaId;
        byte[] jpeg = MediaSamples.jpeg(1500);
        GRAPH.stubFor(WireMock.get(urlPathEqualTo("/v21.0/" + mediaId))
                .withHeader("Authorization", equalTo(token))
                .willReturn(okJson("""
                        {"messaging_product":"whatsapp","url":"%s","mime_type":"image/jpeg","id":"%s"}""".formatted(GRAPH.baseUrl() + download, mediaId))));
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(download))
                .withHeader("Authorization", equalTo(token))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        String wamid = "wamid." + UUID.randomUUID();
        String image = """
                {"from":"85291234567","id":"%s","timestamp":"1700000000","type":"image",
                 "image":{"id":"%s","mime_type":"image/jpeg","sha256":"abc"}}""".formatted(wamid, mediaId);

        postSigned("/webhooks/whatsapp", notification(phone.id(), "\"messages\":[" + image + "]"), APP_SECRET);

        InboundMessageReceived message = awaitInbound(wamid);
        assertThat(message.text()).isEqualTo("[image]");
        AttachmentRef kept = message.attachments().getFirst();
        assertThat(kept.ref()).startsWith(MediaStore.REF_PREFIX);
        assertThat(kept.mediaType()).isEqualTo("image/jpeg");
        assertThat(MediaSamples.download(uri("/"), kept.ref(), JWKS.token("staff-1", "STAFF"))
                        .body())
                .isEqualTo(jpeg);
    }

    @Test
    void mediaWhatsAppWillNotGiveStaysAReferenceWithANote() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();
        String mediaId = "gone-" + UUID.randomUUID();
        GRAPH.stubFor(WireMock.get(urlPathEqualTo("/v21.0/" + mediaId))
                .willReturn(aResponse().withStatus(404)));
        String audio = """
                {"from":"85291234567","id":"%s","timestamp":"1700000000","type":"audio",
                 "audio":{"id":"%s","mime_type":"audio/ogg; codecs=opus"}}""".formatted(wamid, mediaId);

        assertThat(postSigned(
                                "/webhooks/whatsapp",
                                notification(phone.id(), "\"messages\":[" + audio + "]"),
                                APP_SECRET)
                        .statusCode())
                .isEqualTo(200);

        InboundMessageReceived message = awaitInbound(wamid);
        assertThat(message.attachments())
                .containsExactly(new AttachmentRef("whatsapp-media:" + mediaId, "audio/ogg; codecs=opus", null, null));
        assertThat(message.text()).isEqualTo("[audio]\n[audio not fetched: WhatsApp did not give its URL]");
    }

    @Test
    void aBadSignatureIsRefusedAndNothingIsPublished() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();
        double before = inboundPublished();

        HttpResponse<String> response = postSigned(
                "/webhooks/whatsapp",
                notification(phone.id(), "\"messages\":[" + text("852", wamid, "forged") + "]"),
                "another-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(code(response)).isEqualTo("webhook.bad-signature");
        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void theSameMessageDeliveredTwiceIsPublishedOnce() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();
        String marker = "wamid." + UUID.randomUUID();
        String body = notification(phone.id(), "\"messages\":[" + text("85291234567", wamid, "twice?") + "]");

        assertThat(postSigned("/webhooks/whatsapp", body, APP_SECRET).statusCode())
                .isEqualTo(200);
        assertThat(postSigned("/webhooks/whatsapp", body, APP_SECRET).statusCode())
                .isEqualTo(200);
        postSigned(
                "/webhooks/whatsapp",
                notification(phone.id(), "\"messages\":[" + text("85291234567", marker, "marker") + "]"),
                APP_SECRET);
        awaitInbound(marker);

        assertThat(INBOUND.seen(
                        InboundMessageReceived.class, m -> m.platformMessageId().equals(wamid)))
                .hasSize(1);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsMalformedAndNothingIsPublished() {
        givenPhone(null);
        double before = inboundPublished();

        HttpResponse<String> notJson =
                postSigned("/webhooks/whatsapp", "{\"object\":\"whatsapp_business_account\",\"entry\":[", APP_SECRET);
        HttpResponse<String> wrongShape = postSigned("/webhooks/whatsapp", "[1,2,3]", APP_SECRET);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(code(notJson)).isEqualTo("webhook.malformed");
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(code(wrongShape)).isEqualTo("webhook.malformed");
        assertThat(inboundPublished()).isEqualTo(before);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAsTooLarge() {
        givenPhone(null);
        byte[] body = overOneMebibyte();
        double before = inboundPublished();

        HttpResponse<String> response = postRaw("/webhooks/whatsapp", body, WebhookSignature.sign(APP_SECRET, body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(code(response)).isEqualTo("webhook.too-large");
        assertThat(inboundPublished()).isEqualTo(before);
    }

    static String text(String from, String wamid, String body) {
        return """
                {"from":"%s","id":"%s","timestamp":"1700000000","type":"text","text":{"body":"%s"}}""".formatted(from, wamid, body);
    }

    static String notification(String phoneNumberId, String valueFields) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages",
                 "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"85200000000",
                 "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Wendy"},"wa_id":"85291234567"}],%s}}]}]}""".formatted(phoneNumberId, valueFields);
    }
}
