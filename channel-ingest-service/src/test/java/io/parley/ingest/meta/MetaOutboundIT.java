package io.parley.ingest.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Outbound messages of Messenger and WhatsApp conversations against a stub Graph API: the platform's exact
 * request, SENT with the platform's id or FAILED with what the agent must do, retries of transient errors,
 * one send per request however often it is delivered, WhatsApp's statuses, and the welcome message.
 */
class MetaOutboundIT extends RunningMeta {

    @Test
    void aMessengerReplyIsSentWithThePageTokenAndReportedSent() {
        ChannelAccount page = givenPage(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(page))).willReturn(okJson("""
                {"recipient_id":"6543210","message_id":"m_reply_1"}""")));
        ConversationKey key = new ConversationKey(Channel.FACEBOOK, page.id(), "6543210");

        String id = reply(key, "Your parcel is on its way");

        DeliveryStatusChanged sent = awaitStatus(id, DeliveryStatus.SENT);
        assertThat(sent.platformMessageId()).isEqualTo("m_reply_1");
        assertThat(sent.conversationKey()).isEqualTo(key);
        assertThat(sent.roomId()).isEqualTo("room-7");
        assertThat(sent.roomSeq()).isEqualTo(3L);
        GRAPH.verify(
                1,
                postRequestedFor(urlPathEqualTo(messages(page)))
                        .withQueryParam("access_token", equalTo(page.secrets().get("pageAccessToken")))
                        .withRequestBody(equalToJson("""
                                {"recipient":{"id":"6543210"},"messaging_type":"RESPONSE",
                                 "message":{"text":"Your parcel is on its way"}}""")));
    }

    @Test
    void aWhatsAppReplyIsSentWithTheBearerTokenAndReportedSent() {
        ChannelAccount phone = givenPhone(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(phone))).willReturn(okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"852","wa_id":"852"}],
                 "messages":[{"id":"wamid.sent-1"}]}""")));
        ConversationKey key = new ConversationKey(Channel.WHATSAPP, phone.id(), "852");

        String id = reply(key, "Hi from Parley");

        assertThat(awaitStatus(id, DeliveryStatus.SENT).platformMessageId()).isEqualTo("wamid.sent-1");
        verifyWhatsAppTextSent(phone, "852", "Hi from Parley");
    }

    @Test
    void aReplyOutsideTheMessagingWindowFailsAsWindowClosed() {
        ChannelAccount page = givenPage(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(page))).willReturn(graphError(400, """
                        {"message":"(#10) This message is sent outside of allowed window.",
                         "type":"OAuthException","code":10,"error_subcode":2018278,"fbtrace_id":"x"}""")));

        String id = reply(new ConversationKey(Channel.FACEBOOK, page.id(), "1"), "too late");

        DeliveryStatusChanged failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(failed.failure()).isNotNull();
        assertThat(failed.failure().code()).isEqualTo("window-closed");
        assertThat(failed.failure().actionRequired()).isTrue();
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo(messages(page))));
    }

    @Test
    void aWhatsAppReplyRefusedForAnExpiredTokenFailsAsBadCredentials() {
        ChannelAccount phone = givenPhone(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(phone))).willReturn(graphError(401, """
                        {"message":"Error validating access token: Session has expired",
                         "type":"OAuthException","code":190,"fbtrace_id":"y"}""")));

        String id = reply(new ConversationKey(Channel.WHATSAPP, phone.id(), "85261111111"), "are you there?");

        DeliveryStatusChanged failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(failed.failure().code()).isEqualTo("bad-credentials");
        assertThat(failed.failure().actionRequired()).isTrue();
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo(messages(phone))));
    }

    @Test
    void aReplyIsRetriedAfterServerErrorsAndSentOnce() {
        ChannelAccount page = givenPage(null);
        String scenario = "flaky-" + page.id();
        GRAPH.stubFor(post(urlPathEqualTo(messages(page)))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(serverError())
                .willSetStateTo("failed once"));
        GRAPH.stubFor(post(urlPathEqualTo(messages(page)))
                .inScenario(scenario)
                .whenScenarioStateIs("failed once")
                .willReturn(serverError())
                .willSetStateTo("failed twice"));
        GRAPH.stubFor(post(urlPathEqualTo(messages(page)))
                .inScenario(scenario)
                .whenScenarioStateIs("failed twice")
                .willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"m_third_time\"}"))
                .willSetStateTo("sent"));

        String id = reply(new ConversationKey(Channel.FACEBOOK, page.id(), "1"), "third time lucky");

        assertThat(awaitStatus(id, DeliveryStatus.SENT).platformMessageId()).isEqualTo("m_third_time");
        GRAPH.verify(3, postRequestedFor(urlPathEqualTo(messages(page))));
        assertThat(GRAPH.getAllScenarios().getScenarios().stream()
                        .filter(s -> s.getName().equals(scenario))
                        .findFirst()
                        .orElseThrow()
                        .getState())
                .isEqualTo("sent");
        assertThat(STATUSES.seen(
                        DeliveryStatusChanged.class, s -> s.outboundMessageId().equals(id)))
                .hasSize(1);
    }

    @Test
    void aPlatformThatKeepsFailingMakesTheReplyUnreachable() {
        ChannelAccount page = givenPage(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(page))).willReturn(serverError()));

        String id = reply(new ConversationKey(Channel.FACEBOOK, page.id(), "1"), "hello?");

        DeliveryStatusChanged failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(failed.failure().code()).isEqualTo("unreachable");
        GRAPH.verify(3, postRequestedFor(urlPathEqualTo(messages(page))));
    }

    @Test
    void aRedeliveredRequestIsSentOnce() {
        ChannelAccount page = givenPage(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(page)))
                .willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"m_once\"}")));
        ConversationKey key = new ConversationKey(Channel.FACEBOOK, page.id(), "1");
        OutboundMessageRequested request = outbound(key, "only once");

        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, request);
        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, request);
        String marker = reply(key, "marker");
        awaitStatus(marker, DeliveryStatus.SENT);

        GRAPH.verify(
                1,
                postRequestedFor(urlPathEqualTo(messages(page)))
                        .withRequestBody(equalToJson("{\"message\":{\"text\":\"only once\"}}", true, true)));
        assertThat(STATUSES.seen(
                        DeliveryStatusChanged.class, s -> s.outboundMessageId().equals(request.outboundMessageId())))
                .hasSize(1);
    }

    @Test
    void whatsAppStatusesAreReportedForOurOutboundMessage() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();
        GRAPH.stubFor(post(urlPathEqualTo(messages(phone)))
                .willReturn(okJson("{\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
        ConversationKey key = new ConversationKey(Channel.WHATSAPP, phone.id(), "85291234567");
        String id = reply(key, "status please");
        awaitStatus(id, DeliveryStatus.SENT);

        HttpResponse<String> response = postSigned(
                "/webhooks/whatsapp", WhatsAppWebhookIT.notification(phone.id(), """
                        "statuses":[
                         {"id":"%1$s","status":"delivered","timestamp":"1700000100","recipient_id":"85291234567"},
                         {"id":"%1$s","status":"read","timestamp":"1700000200","recipient_id":"85291234567"}]""".formatted(wamid)), APP_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        DeliveryStatusChanged delivered = awaitStatus(id, DeliveryStatus.DELIVERED);
        DeliveryStatusChanged read = awaitStatus(id, DeliveryStatus.READ);
        assertThat(delivered.conversationKey()).isEqualTo(key);
        assertThat(delivered.roomId()).isEqualTo("room-7");
        assertThat(delivered.platformMessageId()).isEqualTo(wamid);
        assertThat(delivered.at()).isEqualTo(Instant.ofEpochSecond(1_700_000_100L));
        assertThat(read.at()).isEqualTo(Instant.ofEpochSecond(1_700_000_200L));
    }

    @Test
    void aFailedWhatsAppStatusCarriesTheErrorTitle() {
        ChannelAccount phone = givenPhone(null);
        String wamid = "wamid." + UUID.randomUUID();
        GRAPH.stubFor(post(urlPathEqualTo(messages(phone)))
                .willReturn(okJson("{\"messages\":[{\"id\":\"" + wamid + "\"}]}")));
        String id = reply(new ConversationKey(Channel.WHATSAPP, phone.id(), "852"), "will fail later");
        awaitStatus(id, DeliveryStatus.SENT);

        postSigned("/webhooks/whatsapp", WhatsAppWebhookIT.notification(phone.id(), """
                        "statuses":[{"id":"%s","status":"failed","timestamp":"1700000100","recipient_id":"852",
                         "errors":[{"code":131047,"title":"Re-engagement message"}]}]""".formatted(wamid)), APP_SECRET);

        DeliveryStatusChanged failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(failed.failure().code()).isEqualTo("window-closed");
        assertThat(failed.failure().reason()).contains("Re-engagement message");
    }

    @Test
    void theWelcomeMessageIsSentOnceWhenAnEnquiryOpens() {
        ChannelAccount page = givenPage("Welcome! We will be with you shortly.");
        GRAPH.stubFor(post(urlPathEqualTo(messages(page)))
                .willReturn(okJson("{\"recipient_id\":\"99\",\"message_id\":\"m_welcome\"}")));
        ConversationKey key = new ConversationKey(Channel.FACEBOOK, page.id(), "99");
        String enquiryId = "enq-" + UUID.randomUUID();
        EnquiryOpened opened = opened(enquiryId, key, page);

        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, enquiryId, opened);
        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, enquiryId, opened);

        DeliveryStatusChanged sent = awaitStatus("welcome:" + enquiryId, DeliveryStatus.SENT);
        assertThat(sent.platformMessageId()).isEqualTo("m_welcome");
        String marker = reply(key, "marker");
        awaitStatus(marker, DeliveryStatus.SENT);
        GRAPH.verify(1, postRequestedFor(urlPathEqualTo(messages(page))).withRequestBody(equalToJson("""
                                {"recipient":{"id":"99"},"messaging_type":"RESPONSE",
                                 "message":{"text":"Welcome! We will be with you shortly."}}""")));
    }

    @Test
    void theWelcomeMessageIsSentOnWhatsAppWhenAnEnquiryOpens() {
        ChannelAccount phone = givenPhone("Hello! An agent will answer you here.");
        GRAPH.stubFor(post(urlPathEqualTo(messages(phone))).willReturn(okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"85260000000","wa_id":"85260000000"}],
                 "messages":[{"id":"wamid.welcome"}]}""")));

        String welcome = openEnquiry(new ConversationKey(Channel.WHATSAPP, phone.id(), "85260000000"), phone);

        assertThat(awaitStatus(welcome, DeliveryStatus.SENT).platformMessageId())
                .isEqualTo("wamid.welcome");
        verifyWhatsAppTextSent(phone, "85260000000", "Hello! An agent will answer you here.");
    }

    @Test
    void noWelcomeIsSentForAnAccountWithout() {
        ChannelAccount page = givenPage(null);
        GRAPH.stubFor(post(urlPathEqualTo(messages(page))).willReturn(okJson("{\"message_id\":\"m_x\"}")));
        ConversationKey key = new ConversationKey(Channel.FACEBOOK, page.id(), "98");
        String enquiryId = "enq-" + UUID.randomUUID();

        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, enquiryId, opened(enquiryId, key, page));
        String marker = reply(key, "marker");
        awaitStatus(marker, DeliveryStatus.SENT);

        GRAPH.verify(1, postRequestedFor(urlPathEqualTo(messages(page))));
        assertThat(STATUSES.seen(
                        DeliveryStatusChanged.class, s -> s.outboundMessageId().equals("welcome:" + enquiryId)))
                .isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** Exactly one text message went to the number's send endpoint, with the account's Bearer token. */
    private static void verifyWhatsAppTextSent(ChannelAccount phone, String to, String text) {
        GRAPH.verify(
                1,
                postRequestedFor(urlPathEqualTo(messages(phone)))
                        .withHeader(
                                "Authorization",
                                equalTo("Bearer " + phone.secrets().get("accessToken")))
                        .withRequestBody(equalToJson(PlatformHttp.JSON
                                .createObjectNode()
                                .put("messaging_product", "whatsapp")
                                .put("to", to)
                                .put("type", "text")
                                .set(
                                        "text",
                                        PlatformHttp.JSON.createObjectNode().put("body", text))
                                .toString())));
    }
}
