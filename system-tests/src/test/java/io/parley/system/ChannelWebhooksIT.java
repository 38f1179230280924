package io.parley.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.launcher.LaunchOptions;
import io.parley.launcher.PortPlan;
import io.parley.launcher.Suite;
import io.parley.system.SignedWebhook.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 6's system test: the whole suite as {@code ./parley up --demo} starts it, and for each messaging
 * channel a customer's text posted to the gateway exactly as the platform would post it (payload and
 * signature from the platform's documentation, to the demo account). The webhook is acknowledged, and the
 * ACTIVE staff member of destination Support sees a live offer on her {@code /ws/agent} socket and in her Open
 * Enquiry panel naming the channel, the channel account and the customer as far as the channel tells who
 * that is. A webhook with a forged signature is refused with its problem code and offers nothing.
 *
 * <p>The demo accounts' platform APIs ({@code PARLEY_DEMO_PLATFORM_URL}, unset here) cannot be reached, so
 * WeChat's profile fetch finds nothing; Messenger, LINE and WOZTELL carry no name in the webhook itself. Those
 * offers therefore show no customer name, and the customer is identified by the enquiry's external id.
 */
class ChannelWebhooksIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path data;

    static Suite suite;
    static Gateway gateway;
    static String alice;
    static AgentSocket aliceSocket;

    @BeforeAll
    static void start() {
        suite = Suite.start(new LaunchOptions(data, true, null, null, PortPlan.random(), Map.of()));
        gateway = new Gateway(suite.gatewayUrl());
        alice = gateway.login("alice", "parley-alice");
        aliceSocket = AgentSocket.open(suite.gatewayUrl(), alice);
        await().atMost(WAIT)
                .until(() -> aliceSocket.frames().stream()
                        .anyMatch(frame -> "snapshot".equals(frame.path("type").asString())));
        assertThat(gateway.put("/api/presence/me", alice, "{\"status\":\"ACTIVE\"}")
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (aliceSocket != null) {
            aliceSocket.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aMessengerTextIsOfferedAsFacebookFromItsSender() {
        String psid = fresh("psid");
        String text = "Messenger asks about " + psid;

        JsonNode offer = offeredAfter(
                DemoPlatforms.messenger(psid, fresh("m"), text), "FACEBOOK", "demo-page", "Demo page", text, psid);
        // A Messenger webhook carries only the page-scoped id; the name would come from the Graph profile API.
        assertCustomer(offer, null, null);
    }

    @Test
    void aWhatsAppTextIsOfferedWithTheContactsProfileName() {
        String waId = "852" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L);
        String text = "WhatsApp asks about " + waId;

        JsonNode offer = offeredAfter(
                DemoPlatforms.whatsApp(waId, "Wendy Wáng " + waId, fresh("wamid"), text),
                "WHATSAPP",
                "demo-phone",
                "Demo WhatsApp number",
                text,
                waId);
        assertCustomer(offer, "Wendy Wáng " + waId, null);
    }

    @Test
    void aLineTextIsOfferedAsLineFromItsUser() {
        String userId = "U" + UUID.randomUUID().toString().replace("-", "");
        String text = "LINE asks about " + userId;

        JsonNode offer = offeredAfter(
                DemoPlatforms.line(userId, fresh("ev"), text), "LINE", "demo-line", "Demo LINE account", text, userId);
        // A LINE event carries only the user id; the name would come from LINE's profile API.
        assertCustomer(offer, null, null);
    }

    @Test
    void aSafeModeWeChatTextIsAnsweredSuccessAndOfferedAsWeChat() {
        String openId = fresh("oWx");
        String text = "你好! WeChat asks about " + openId;
        String msgId = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));

        Answer answer = DemoPlatforms.weChat(openId, msgId, text).postTo(gateway());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(answer.body()).isEqualTo("success");
        JsonNode offer = offered("WECHAT", "demo-wechat", "Demo WeChat account", text, openId);
        // The nickname and photo come from cgi-bin/user/info, which the demo cannot reach.
        assertCustomer(offer, null, null);
    }

    @Test
    void aWoztellTextIsOfferedAsWoztellFromItsSender() {
        String from = fresh("wz");
        String text = "WOZTELL asks about " + from;

        JsonNode offer = offeredAfter(
                DemoPlatforms.woztell(from, fresh("wzm"), text),
                "WOZTELL",
                "demo-woztell",
                "Demo WOZTELL channel",
                text,
                from);
        assertCustomer(offer, null, null);
    }

    @Test
    void aThirdPartyMessageIsOfferedWithTheCustomersNameAndPhoto() {
        String customerId = fresh("cust");
        String text = "A third-party system asks about " + customerId;
        String avatar = "https://img.example/" + customerId + ".png";

        JsonNode offer = offeredAfter(
                DemoPlatforms.thirdParty(customerId, "Tess Third-Party", avatar, fresh("msg"), text),
                "THIRD_PARTY",
                "demo-api",
                "Demo third-party system",
                text,
                customerId);
        assertCustomer(offer, "Tess Third-Party", avatar);
    }

    @Test
    void aForgedSignatureIsRefusedThroughTheGatewayAndOffersNothing() {
        String forgedPsid = fresh("forged");
        String forgedText = "Forged message from " + forgedPsid;
        SignedWebhook forged = DemoPlatforms.messenger(forgedPsid, fresh("m"), forgedText)
                .withHeader("X-Hub-Signature-256", "sha256=" + "0".repeat(64));
        String markerPsid = fresh("marker");
        String markerText = "Genuine message from " + markerPsid;

        Answer refused = forged.postTo(gateway());
        Answer accepted =
                DemoPlatforms.messenger(markerPsid, fresh("m"), markerText).postTo(gateway());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("webhook.bad-signature");
        assertThat(refused.body()).doesNotContain(DemoPlatforms.META_APP_SECRET);
        assertThat(accepted.status()).isEqualTo(200);
        // The genuine message sent after the forged one has been offered: the forged one never will be.
        offered("FACEBOOK", "demo-page", "Demo page", markerText, markerPsid);
        assertThat(aliceSocket.offersCreated())
                .noneMatch(offer -> forgedText.equals(offer.path("preview").asString()));
        assertThat(panelOffer(forgedText)).isEmpty();
        assertThat(openEnquiryOf("FACEBOOK", forgedPsid)).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static String gateway() {
        return suite.gatewayUrl();
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Posts the webhook through the gateway as its platform would, expects 200, and returns its offer. */
    private static JsonNode offeredAfter(
            SignedWebhook webhook, String channel, String accountId, String label, String text, String customerId) {
        Answer answer = webhook.postTo(gateway());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return offered(channel, accountId, label, text, customerId);
    }

    /**
     * Waits for the live offer with this preview on Alice's socket, checks that her Open Enquiry panel shows
     * the same offer and that the enquiry behind it is the customer's; returns the offer.
     */
    private static JsonNode offered(String channel, String accountId, String label, String text, String customerId) {
        JsonNode offer = await().atMost(WAIT)
                .until(
                        () -> aliceSocket.offersCreated().stream()
                                .filter(o -> text.equals(o.path("preview").asString()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(offer.path("channel").asString()).isEqualTo(channel);
        assertThat(offer.path("type").asString()).isEqualTo("BROADCAST");
        assertThat(offer.path("entryPoint").path("type").asString()).isEqualTo("CHANNEL");
        assertThat(offer.path("entryPoint").path("id").asString()).isEqualTo(accountId);
        assertThat(offer.path("entryPoint").path("label").asString()).isEqualTo(label);

        JsonNode listed = await().atMost(WAIT)
                .until(() -> panelOffer(text), Optional::isPresent)
                .orElseThrow();
        // The same offer; the socket gives expiresAt in nanoseconds, the panel as stored, in milliseconds.
        assertThat(withoutExpiry(listed)).isEqualTo(withoutExpiry(offer));
        assertThat(expiry(listed)).isEqualTo(expiry(offer).truncatedTo(ChronoUnit.MILLIS));

        String enquiryId = offer.path("enquiryId").asString();
        JsonNode enquiry = await().atMost(WAIT)
                .until(() -> openEnquiryOf(channel, customerId), Optional::isPresent)
                .orElseThrow();
        assertThat(enquiry.path("id").asString()).isEqualTo(enquiryId);
        assertThat(enquiry.path("channelAccountId").asString()).isEqualTo(accountId);
        return offer;
    }

    private static JsonNode withoutExpiry(JsonNode offer) {
        ObjectNode copy = (ObjectNode) offer.deepCopy();
        copy.remove("expiresAt");
        return copy;
    }

    private static Instant expiry(JsonNode offer) {
        return Instant.parse(offer.path("expiresAt").asString());
    }

    private static void assertCustomer(JsonNode offer, @Nullable String name, @Nullable String avatarUrl) {
        JsonNode customer = offer.path("customer");
        assertThat(customer.isObject()).as("offer %s has a customer", offer).isTrue();
        assertThat(customer.path("name").isNull() ? null : customer.path("name").asString())
                .isEqualTo(name);
        assertThat(
                        customer.path("avatarUrl").isNull()
                                ? null
                                : customer.path("avatarUrl").asString())
                .isEqualTo(avatarUrl);
    }

    /** The offer with this preview in Alice's Open Enquiry panel ({@code GET /api/enquiries/offers}). */
    private static Optional<JsonNode> panelOffer(String preview) {
        Gateway.Response offers = gateway.get("/api/enquiries/offers", alice);
        assertThat(offers.status()).as(offers.body()).isEqualTo(200);
        return StreamSupport.stream(offers.json().spliterator(), false)
                .filter(offer -> preview.equals(offer.path("preview").asString()))
                .findFirst();
    }

    /** The open enquiry of this channel's customer, as the enquiry history shows it to staff. */
    private static Optional<JsonNode> openEnquiryOf(String channel, String customerId) {
        Gateway.Response page = gateway.get("/api/enquiries?state=OPEN&size=100&channel=" + channel, alice);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return StreamSupport.stream(page.json().path("items").spliterator(), false)
                .filter(enquiry -> customerId.equals(
                        enquiry.path("customer").path("externalId").asString()))
                .findFirst();
    }
}
