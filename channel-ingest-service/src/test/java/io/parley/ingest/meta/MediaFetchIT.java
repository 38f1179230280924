package io.parley.ingest.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.parley.events.AttachmentRef;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.MediaSamples;
import io.parley.ingest.media.MediaStore;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Inbound media and profiles of Messenger and WhatsApp against stub platforms: an image is fetched into the
 * media store before the message is published and served to staff; a URL outside the platform's hosts, an
 * oversized file or one that is not what it claims is not kept, but its message is, with a note; the
 * customer's name and photo come from the profile API, and a profile API that is down fails nothing.
 */
class MediaFetchIT extends RunningMeta {

    private static final String STAFF = JWKS.token("staff-1", "STAFF");

    @Test
    void aMessengerImageIsKeptAndServedToStaff() {
        ChannelAccount page = givenPage(null);
        String path = "/cdn/" + UUID.randomUUID() + ".png";
        byte[] png = MediaSamples.png(2048);
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        String mid = "m_" + UUID.randomUUID();

        HttpResponse<String> response = postSigned(
                "/webhooks/facebook", notification(page.id(), image("4001", mid, GRAPH.baseUrl() + path)), APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(mid);
        AttachmentRef kept = message.attachments().getFirst();
        assertThat(kept.ref()).startsWith(MediaStore.REF_PREFIX);
        assertThat(kept.mediaType()).isEqualTo("image/png");
        assertThat(kept.sizeBytes()).isEqualTo(2048L);
        assertThat(message.text()).isNull();
        HttpResponse<byte[]> served = MediaSamples.download(uri("/"), kept.ref(), STAFF);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
    }

    @Test
    void aUrlOutsideThePlatformsHostsIsNeverFetched() {
        ChannelAccount page = givenPage(null);
        String path = "/elsewhere/" + UUID.randomUUID() + ".png";
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(MediaSamples.png(64))));
        // The same stub server under another host name: not the account's platform host, not an allowed one.
        String outside = "http://127.0.0.1:" + GRAPH.port() + path;
        String mid = "m_" + UUID.randomUUID();

        HttpResponse<String> response =
                postSigned("/webhooks/facebook", notification(page.id(), image("4002", mid, outside)), APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(mid);
        assertThat(message.attachments().getFirst().ref()).isEqualTo(outside);
        assertThat(message.text()).isEqualTo("[image not fetched: not from the platform's media hosts]");
        GRAPH.verify(0, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void anOversizedFileIsNotKeptButItsMessageIs() {
        ChannelAccount page = givenPage(null);
        String path = "/cdn/" + UUID.randomUUID() + ".png";
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/png")
                        .withBody(MediaSamples.png(10 * 1024 * 1024 + 1))));
        String mid = "m_" + UUID.randomUUID();

        HttpResponse<String> response = postSigned(
                "/webhooks/facebook", notification(page.id(), image("4003", mid, GRAPH.baseUrl() + path)), APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(mid);
        assertThat(message.attachments().getFirst().ref()).isEqualTo(GRAPH.baseUrl() + path);
        assertThat(message.text()).isEqualTo("[image not kept: larger than 10 MB]");
    }

    @Test
    void anOversizedFileWithoutALengthIsCutOffAtTheLimit() {
        ChannelAccount page = givenPage(null);
        String path = "/cdn/" + UUID.randomUUID() + ".png";
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/png")
                        .withBody(MediaSamples.png(10 * 1024 * 1024 + 1))
                        .withChunkedDribbleDelay(20, 200)));
        String mid = "m_" + UUID.randomUUID();

        postSigned(
                "/webhooks/facebook", notification(page.id(), image("4005", mid, GRAPH.baseUrl() + path)), APP_SECRET);

        InboundMessageReceived message = awaitInbound(mid);
        assertThat(message.attachments().getFirst().ref()).isEqualTo(GRAPH.baseUrl() + path);
        assertThat(message.text()).isEqualTo("[image not kept: larger than 10 MB]");
    }

    @Test
    void aRedirectToAHostOutsideThePlatformsIsNotFollowed() {
        ChannelAccount page = givenPage(null);
        String path = "/cdn/" + UUID.randomUUID() + ".png";
        String elsewhere = "/elsewhere/" + UUID.randomUUID() + ".png";
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + GRAPH.port() + elsewhere)));
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(elsewhere))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(MediaSamples.png(64))));
        String mid = "m_" + UUID.randomUUID();

        postSigned(
                "/webhooks/facebook", notification(page.id(), image("4006", mid, GRAPH.baseUrl() + path)), APP_SECRET);

        InboundMessageReceived message = awaitInbound(mid);
        assertThat(message.attachments().getFirst().ref()).isEqualTo(GRAPH.baseUrl() + path);
        assertThat(message.text()).isEqualTo("[image not fetched: not from the platform's media hosts]");
        GRAPH.verify(1, getRequestedFor(urlPathEqualTo(path)));
        GRAPH.verify(0, getRequestedFor(urlPathEqualTo(elsewhere)));
    }

    @Test
    void aRedirectWithinThePlatformsHostsIsFollowed() {
        ChannelAccount page = givenPage(null);
        String path = "/cdn/" + UUID.randomUUID() + ".png";
        String moved = "/cdn/moved-" + UUID.randomUUID() + ".png";
        byte[] png = MediaSamples.png(100);
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse().withStatus(302).withHeader("Location", moved)));
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(moved))
                .willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));
        String mid = "m_" + UUID.randomUUID();

        postSigned(
                "/webhooks/facebook", notification(page.id(), image("4007", mid, GRAPH.baseUrl() + path)), APP_SECRET);

        AttachmentRef kept = awaitInbound(mid).attachments().getFirst();
        assertThat(kept.ref()).startsWith(MediaStore.REF_PREFIX);
        assertThat(MediaSamples.download(uri("/"), kept.ref(), STAFF).body()).isEqualTo(png);
    }

    @Test
    void aFileSentAsAnImageThatIsNotOneIsNotKept() {
        ChannelAccount page = givenPage(null);
        String path = "/cdn/" + UUID.randomUUID() + ".png";
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "image/png")
                        .withBody("<html><script>alert(1)</script></html>")));
        String mid = "m_" + UUID.randomUUID();

        postSigned(
                "/webhooks/facebook", notification(page.id(), image("4004", mid, GRAPH.baseUrl() + path)), APP_SECRET);

        InboundMessageReceived message = awaitInbound(mid);
        assertThat(message.attachments().getFirst().ref()).isEqualTo(GRAPH.baseUrl() + path);
        assertThat(message.text()).isEqualTo("[image not kept: its content is not what it was sent as]");
    }

    @Test
    void theCustomersNameAndPhotoComeFromTheProfileApi() {
        ChannelAccount page = givenPage(null);
        String psid = "psid-" + UUID.randomUUID();
        String picture = "/pics/" + UUID.randomUUID() + ".jpg";
        byte[] jpeg = MediaSamples.jpeg(512);
        GRAPH.stubFor(WireMock.get(urlPathEqualTo("/v21.0/" + psid))
                .withQueryParam("fields", equalTo("first_name,last_name,profile_pic"))
                .withQueryParam("access_token", equalTo(page.secrets().get("pageAccessToken")))
                .willReturn(okJson("""
                        {"first_name":"Peter","last_name":"Chang","profile_pic":"%s","id":"%s"}""".formatted(GRAPH.baseUrl() + picture, psid))));
        GRAPH.stubFor(WireMock.get(urlPathEqualTo(picture))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        String first = "m_" + UUID.randomUUID();
        String second = "m_" + UUID.randomUUID();

        postSigned(
                "/webhooks/facebook", notification(page.id(), MessengerWebhookIT.event(psid, first, "hi")), APP_SECRET);
        postSigned(
                "/webhooks/facebook",
                notification(page.id(), MessengerWebhookIT.event(psid, second, "again")),
                APP_SECRET);

        InboundMessageReceived message = awaitInbound(first);
        assertThat(message.customer().displayName()).isEqualTo("Peter Chang");
        assertThat(message.customer().photoUrl()).startsWith("/api/attachments/");
        assertThat(MediaSamples.download(uri("/"), message.customer().photoUrl(), STAFF)
                        .body())
                .isEqualTo(jpeg);
        assertThat(awaitInbound(second).customer()).isEqualTo(message.customer());
        GRAPH.verify(1, getRequestedFor(urlPathEqualTo("/v21.0/" + psid)));
    }

    @Test
    void aProfileApiThatIsDownFailsNothing() {
        ChannelAccount page = givenPage(null);
        String psid = "psid-" + UUID.randomUUID();
        GRAPH.stubFor(WireMock.get(urlPathEqualTo("/v21.0/" + psid)).willReturn(serverError()));
        String mid = "m_" + UUID.randomUUID();

        HttpResponse<String> response = postSigned(
                "/webhooks/facebook",
                notification(page.id(), MessengerWebhookIT.event(psid, mid, "anyone?")),
                APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        InboundMessageReceived message = awaitInbound(mid);
        assertThat(message.text()).isEqualTo("anyone?");
        assertThat(message.customer().externalId()).isEqualTo(psid);
        assertThat(message.customer().displayName()).isNull();
        assertThat(message.customer().photoUrl()).isNull();
    }

    private static String image(String psid, String mid, String url) {
        return """
                {"sender":{"id":"%s"},"recipient":{"id":"PAGE"},"timestamp":1700000000123,
                 "message":{"mid":"%s","attachments":[{"type":"image","payload":{"url":"%s"}}]}}""".formatted(psid, mid, url);
    }

    private static String notification(String pageId, String event) {
        return MessengerWebhookIT.notification(pageId, event);
    }
}
