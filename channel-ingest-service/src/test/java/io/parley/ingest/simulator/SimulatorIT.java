package io.parley.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.testsupport.TestInfrastructure;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The channel simulator in a service started in demo mode, with the demo data's own accounts sending to the
 * simulator on this service's port: for each channel the customer's signed webhook is accepted by the real
 * webhook endpoint and published, a reply goes out through the real sender to the stand-in, ends SENT and is
 * shown to the customer; only the demo accounts are acted for; bad input is refused; the page is served.
 */
@TestPropertySource(properties = {"parley.demo=true", "parley.channel-ingest.simulator.enabled=true"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SimulatorIT extends RunningSimulator {

    static final int PORT = TestInfrastructure.freePort();
    static final String SIMULATOR = "http://127.0.0.1:" + PORT + "/simulator";

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("parley.demo-platform-url", () -> SIMULATOR);
    }

    @ParameterizedTest
    @EnumSource(
            value = Channel.class,
            names = {"FACEBOOK", "WHATSAPP", "LINE", "WECHAT", "WOZTELL", "THIRD_PARTY"})
    void theCustomersSignedWebhookIsAcceptedAndPublished(Channel channel) {
        String name = "Ann " + fresh("c");
        String text = "Hello from " + UUID.randomUUID();

        HttpResponse<String> written = write(channel.name(), name, text);

        assertThat(written.statusCode()).isEqualTo(200);
        JsonNode answer = json(written);
        assertThat(answer.path("webhookStatus").asInt()).isEqualTo(200);
        String customerId = answer.path("customerId").asString();
        String accountId = DemoAccounts.IDS.get(channel);
        InboundMessageReceived inbound = INBOUND.await(
                InboundMessageReceived.class, m -> m.channelAccountId().equals(accountId) && text.equals(m.text()));
        assertThat(inbound.channel()).isEqualTo(channel);
        assertThat(inbound.conversationKey()).isEqualTo(new ConversationKey(channel, accountId, customerId));
        if (channel == Channel.WHATSAPP || channel == Channel.THIRD_PARTY) {
            // The other platforms send no name in their webhooks (it is a profile lookup there).
            assertThat(inbound.customer().displayName()).isEqualTo(name);
        }
        JsonNode shown = conversation(channel, customerId).path("messages").path(0);
        assertThat(shown.path("from").asString()).isEqualTo("CUSTOMER");
        assertThat(shown.path("text").asString()).isEqualTo(text);
        assertThat(shown.path("webhookStatus").asInt()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(
            value = Channel.class,
            names = {"FACEBOOK", "WHATSAPP", "LINE", "WECHAT", "WOZTELL", "THIRD_PARTY"})
    void aReplyGoesOutThroughTheStandInAndReachesTheCustomer(Channel channel) {
        String customerId = customerWrote(channel, "Ben " + fresh("c"));
        ConversationKey key = new ConversationKey(channel, DemoAccounts.IDS.get(channel), customerId);

        String first = reply(key, "Hello Ben, how can we help?");
        String second = reply(key, "Anything else?");

        String platformId = awaitStatus(first, DeliveryStatus.SENT).platformMessageId();
        awaitStatus(second, DeliveryStatus.SENT);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(businessTexts(channel, customerId))
                        .containsExactly("Hello Ben, how can we help?", "Anything else?"));
        if (channel != Channel.WECHAT) {
            // WeChat's custom/send answers no message id.
            assertThat(platformId).isNotBlank();
        }
    }

    @Test
    void theDemoWelcomeMessageReachesTheCustomerWhenTheEnquiryOpens() {
        String customerId = customerWrote(Channel.LINE, "Gus " + fresh("c"));
        ConversationKey key = new ConversationKey(Channel.LINE, "demo-line", customerId);
        String enquiryId = fresh("enq");

        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiryId,
                opened(enquiryId, key, "Demo LINE account", new Customer(customerId, null, null, null), "hi"));

        awaitStatus("welcome:" + enquiryId, DeliveryStatus.SENT);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(businessTexts(Channel.LINE, customerId))
                        .containsExactly("Thanks for contacting us! A member of our team will be with you shortly."));
    }

    @Test
    void whatsAppReportsTheRepliesDeliveredAndReadOnceThePageHasShownThem() {
        String customerId = customerWrote(Channel.WHATSAPP, "Cleo " + fresh("c"));
        String id = reply(new ConversationKey(Channel.WHATSAPP, "demo-phone", customerId), "Seen it?");
        awaitStatus(id, DeliveryStatus.SENT);

        await().atMost(WAIT).untilAsserted(() -> {
            conversation(Channel.WHATSAPP, customerId); // the page polling
            assertThat(STATUSES.seen(
                            DeliveryStatusChanged.class,
                            s -> s.outboundMessageId().equals(id) && s.status() == DeliveryStatus.READ))
                    .isNotEmpty();
        });
        assertThat(STATUSES.seen(
                        DeliveryStatusChanged.class,
                        s -> s.outboundMessageId().equals(id) && s.status() == DeliveryStatus.DELIVERED))
                .isNotEmpty();
    }

    @Test
    void theChannelsOfferedAreTheDemoAccounts() {
        HttpResponse<String> response = get("/simulator/api/channels", null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> offered = new ArrayList<>();
        json(response)
                .path("channels")
                .forEach(c -> offered.add(c.path("accountId").asString()));
        assertThat(offered)
                .containsExactly("demo-page", "demo-phone", "demo-line", "demo-wechat", "demo-woztell", "demo-api");
    }

    @Test
    void theWeChatStandInGivesATokenTakesATextAndNamesTheFollower() {
        String customerId = json(write("WECHAT", "Wei " + fresh("c"), "Ni hao"))
                .path("customerId")
                .asString();
        JsonNode refused = json(post(
                "/simulator/cgi-bin/stable_token",
                Map.of(),
                "{\"grant_type\":\"client_credential\",\"appid\":\"wxdemo0000000000\",\"secret\":\"guess\"}"));
        String token = json(post(
                        "/simulator/cgi-bin/stable_token",
                        Map.of(),
                        "{\"grant_type\":\"client_credential\",\"appid\":\"wxdemo0000000000\","
                                + "\"secret\":\"demo-wechat-secret\"}"))
                .path("access_token")
                .asString();

        JsonNode sent = json(post(
                "/simulator/cgi-bin/message/custom/send?access_token=" + token,
                Map.of(),
                "{\"touser\":\"" + customerId + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"Hello Wei\"}}"));
        JsonNode forged = json(post(
                "/simulator/cgi-bin/message/custom/send?access_token=made-up",
                Map.of(),
                "{\"touser\":\"" + customerId + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}"));
        JsonNode profile =
                json(get("/simulator/cgi-bin/user/info?access_token=" + token + "&openid=" + customerId, null));

        assertThat(refused.path("errcode").asInt()).isEqualTo(40125);
        assertThat(token).isNotBlank();
        assertThat(sent.path("errcode").asInt()).isEqualTo(0);
        assertThat(forged.path("errcode").asInt()).isEqualTo(40001);
        assertThat(businessTexts(Channel.WECHAT, customerId)).containsExactly("Hello Wei");
        assertThat(profile.path("nickname").asString()).startsWith("Wei ");
    }

    @Test
    void anAccountWithADemoIdThatSendsElsewhereIsNotActedFor() {
        ChannelAccount demo = accounts.byId("demo-woztell").orElseThrow();
        accounts.save(withPlatform(demo, "https://bot.api.woztell.example"));
        try {
            double before = inboundPublished();

            HttpResponse<String> refused = write("WOZTELL", "Dan", "Hello?");

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(code(refused)).isEqualTo("simulator.not-demo");
            assertThat(inboundPublished()).isEqualTo(before);
        } finally {
            accounts.save(demo);
        }
    }

    @Test
    void theStandInAnswersNoOtherAccountThanTheDemoOnes() {
        ChannelAccount real = givenChannelAccount(
                "page-" + fresh("real"),
                Channel.FACEBOOK,
                "A real page",
                Map.of("appSecret", "real-secret", "pageAccessToken", "real-token"),
                Map.of(),
                SIMULATOR,
                null);

        String id = reply(new ConversationKey(Channel.FACEBOOK, real.id(), "7000000000000001"), "Hi");

        DeliveryStatusChanged failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(failed.failure()).isNotNull();
        HttpResponse<String> wrongToken = post(
                "/simulator/v2/bot/message/push",
                Map.of("Authorization", "Bearer not-the-demo-token"),
                "{\"to\":\"U1\",\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        HttpResponse<String> forged = post(
                "/simulator",
                Map.of(
                        "webhook-id", "msg_forged",
                        "webhook-timestamp", Long.toString(Instant.now().getEpochSecond()),
                        "webhook-signature", "v1,AAAA"),
                "{\"customerId\":\"c1\",\"text\":\"x\"}");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedWithACode() {
        HttpResponse<String> unknown = write("PIGEON", "Eve", "Hi");
        HttpResponse<String> web = write("WEB", "Eve", "Hi");
        HttpResponse<String> noName = write("LINE", " ", "Hi");
        HttpResponse<String> controlInName = write("LINE", "Eve\u0007", "Hi");
        HttpResponse<String> longText = write("LINE", "Eve", "x".repeat(2001));
        HttpResponse<String> notJson = send("POST", "/simulator/api/messages", null, "[1,2]");
        HttpResponse<String> tooLarge =
                send("POST", "/simulator/api/messages", null, "{\"text\":\"" + "x".repeat(70_000) + "\"}");
        HttpResponse<String> badId = get("/simulator/api/conversations?channel=LINE&customerId=%3Cscript%3E", null);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(code(unknown)).isEqualTo("simulator.unknown-channel");
        assertThat(code(web)).isEqualTo("simulator.unknown-channel");
        assertThat(code(noName)).isEqualTo("simulator.invalid");
        assertThat(code(controlInName)).isEqualTo("simulator.invalid");
        assertThat(code(longText)).isEqualTo("simulator.invalid");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(code(notJson)).isEqualTo("simulator.invalid");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(code(badId)).isEqualTo("simulator.invalid");
    }

    @Test
    void thePageIsServedWithStrictHeaders() {
        HttpResponse<String> bare = get("/simulator", null);
        HttpResponse<String> page = get("/simulator/", null);
        HttpResponse<String> script = get("/simulator/assets/simulator.js", null);
        HttpResponse<String> other = get("/simulator/assets/secrets.txt", null);

        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValue("/simulator/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.body()).contains("/simulator/assets/simulator.js").doesNotContain("<script>");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(script.body()).contains("/simulator/api").doesNotContain("innerHTML");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private HttpResponse<String> write(String channel, String name, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("customerName", name);
        body.put("text", text);
        return send("POST", "/simulator/api/messages", null, body(body));
    }

    /** The customer has written (so LINE has a reply token and WOZTELL a channel id); their id. */
    private String customerWrote(Channel channel, String name) {
        String text = "Question " + UUID.randomUUID();
        HttpResponse<String> written = write(channel.name(), name, text);
        assertThat(json(written).path("webhookStatus").asInt()).isEqualTo(200);
        INBOUND.await(InboundMessageReceived.class, m -> text.equals(m.text()));
        return json(written).path("customerId").asString();
    }

    private HttpResponse<String> post(String path, Map<String, String> headers, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChannelAccount withPlatform(ChannelAccount account, String platformBaseUrl) {
        return new ChannelAccount(
                account.id(),
                account.channel(),
                account.name(),
                account.enabled(),
                account.secrets(),
                account.settings(),
                platformBaseUrl,
                account.welcomeMessage(),
                account.welcomeByTag(),
                account.customInfo(),
                Instant.now());
    }
}
