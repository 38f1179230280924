package io.parley.system.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.parley.system.ui.Screens.accepts;
import static io.parley.system.ui.Screens.agentWrites;
import static io.parley.system.ui.Screens.offer;
import static io.parley.system.ui.Screens.opens;
import static io.parley.system.ui.Screens.room;
import static io.parley.system.ui.Screens.visitorAsks;
import static io.parley.system.ui.Screens.visitorMessages;
import static io.parley.system.ui.Screens.visitorWrites;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.parley.embedded.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console beyond the first enquiry, on the whole suite with the demo data: the alert for a new offer,
 * the rooms list with unread counts, scrolling back through a long transcript, delivery statuses, the
 * customer panel, the enquiry history, a LINE enquiry with its channel's custom info and a reply that could
 * not be delivered, the CSRF check a page without the console's header meets, the admin screens, and the
 * console on a phone-sized screen.
 */
class ConsoleInTheBrowserIT {

    /** Records what the console asks of the Notification and Web Audio APIs, so a test can see the alert. */
    private static final String ALERT_RECORDER = """
            window.__notifications = [];
            window.__tones = 0;
            const RealNotification = window.Notification;
            window.Notification = class {
              constructor(title, options) { window.__notifications.push({ title, body: options && options.body }); }
              addEventListener() {}
              close() {}
              static get permission() { return RealNotification ? RealNotification.permission : "denied"; }
              static requestPermission() { return RealNotification.requestPermission(); }
            };
            const realStart = OscillatorNode.prototype.start;
            OscillatorNode.prototype.start = function (...args) {
              window.__tones++;
              return realStart.apply(this, args);
            };
            """;

    // The demo channel accounts send to a port where nothing listens: every outbound message fails.
    @RegisterExtension
    static final BrowserSuiteExtension app = BrowserSuiteExtension.withSettings(
            Map.of("parley.demo-platform-url", "http://127.0.0.1:" + FreePorts.next() + "/platform"));

    @Test
    void aNewOfferRingsAndNotifiesUntilTheAgentTurnsAlertsOff() {
        Page alice = app.chromium().page();
        alice.context().grantPermissions(List.of("notifications"));
        alice.addInitScript(ALERT_RECORDER);
        Screens.signIn(alice, "alice", "parley-alice");
        assertThat(alice.locator("#alerts-toggle")).hasAttribute("aria-pressed", "true");
        assertThat(alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Admin")))
                .isHidden();

        Page nora = visitorAsks(app.chromium(), "support", "Nora", "Do you ship to Norway?");
        Locator card = offer(alice, "Do you ship to Norway?");
        assertThat(card.locator(".avatar")).hasText("N");
        assertThat(card.locator("[data-channel='WEB'] svg")).isVisible();
        assertThat(card).containsText("Tag: Support");
        Locator alert = alice.getByTestId("alert-log");
        assertThat(alert).containsText("New enquiry from Nora (Web): Do you ship to Norway?");
        assertThat(alert).hasAttribute("data-notification", "true");
        assertThat(alert).hasAttribute("data-sound", "true");
        assertThat(alice.evaluate("() => window.__notifications.map(n => n.body).join('|')"))
                .asString()
                .contains("Nora (Web): Do you ship to Norway?");
        assertThat((Integer) alice.evaluate("() => window.__tones")).isGreaterThanOrEqualTo(2);

        alice.locator("#alerts-toggle").click();
        assertThat(alice.locator("#alerts-toggle")).hasText("Alerts off");
        Page otto = visitorAsks(app.chromium(), "support", "Otto", "Silent question");
        assertThat(offer(alice, "Silent question")).isVisible();
        assertThat(alice.evaluate("() => window.__notifications.length")).isEqualTo(1);
        alice.locator("#alerts-toggle").click();
        assertThat(alice.locator("#alerts-toggle")).hasText("Alerts on");
        for (Page page : List.of(alice, nora, otto)) {
            page.context().close();
        }
    }

    @Test
    void roomsCountUnreadMessagesScrollBackShowDeliveryAndTheCustomer() {
        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");
        Page olga = visitorAsks(app.chromium(), "sales", "Olga", "First room question");
        accepts(alice, "First room question");
        Page pete = visitorAsks(app.chromium(), "sales", "Pete", "Second room question");
        accepts(alice, "Second room question");
        assertThat(alice.locator("#room-title")).containsText("Pete");

        // A message in the room that is not open raises its unread count; opening it clears the count.
        visitorWrites(olga, "Are you still there?");
        assertThat(room(alice, "Olga").getByTestId("unread")).hasText("1");
        assertThat(room(alice, "Pete").getByTestId("unread")).hasCount(0);
        Chromium.screenshot(alice, "console-rooms-unread");
        room(alice, "Olga").click();
        Locator messages = alice.locator("#messages");
        assertThat(messages).containsText("Are you still there?");
        assertThat(room(alice, "Olga").getByTestId("unread")).hasCount(0);
        assertThat(messages.locator(".message.system")).containsText("accepted the enquiry");

        // The customer panel, and the delivery status of a reply moving on as the visitor's page gets it.
        Locator info = alice.locator("#room-info");
        assertThat(info).containsText("Olga");
        assertThat(info).containsText("Web");
        agentWrites(alice, "Yes, I am here");
        assertThat(visitorMessages(olga)).containsText("Yes, I am here");
        Locator reply =
                messages.locator(".message.staff").filter(new Locator.FilterOptions().setHasText("Yes, I am here"));
        assertThat(reply.getByTestId("delivery")).hasText(Pattern.compile("Delivered|Read"));
        Chromium.screenshot(alice, "console-room-customer");

        // A long transcript: the newest 50 messages first, older ones on scrolling up.
        Object posted = alice.evaluate("""
                async (roomId) => {
                  const csrf = document.cookie.match(/parley_csrf=([^;]+)/)[1];
                  for (let i = 1; i <= 70; i++) {
                    const response = await fetch(`/api/rooms/${roomId}/messages`, {
                      method: "POST",
                      headers: { "Content-Type": "application/json", "X-Parley-CSRF": csrf },
                      body: JSON.stringify({ text: `Numbered line ${i}` }),
                    });
                    if (response.status !== 201) return response.status;
                  }
                  return 201;
                }
                """, room(alice, "Olga").getAttribute("data-room"));
        assertThat(posted).isEqualTo(201);
        assertThat(messages).containsText("Numbered line 70");
        room(alice, "Pete").click();
        assertThat(messages).containsText("Second room question");
        room(alice, "Olga").click();
        assertThat(messages).containsText("Numbered line 70");
        assertThat(messages.getByTestId("message")).hasCount(50);
        assertThat(alice.locator("#history-start")).isHidden();
        messages.evaluate("list => { list.scrollTop = 0; list.dispatchEvent(new Event('scroll')); }");
        assertThat(messages.getByText("First room question")).isVisible();
        assertThat(alice.locator("#history-start")).isVisible();
        assertThat(messages.getByTestId("message").count()).isGreaterThan(70);

        // Closing: the system line, then the history finds the closed enquiry by its filters.
        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Close").setExact(true))
                .click();
        assertThat(messages.locator(".message.system").last()).containsText("closed the room");
        opens(alice, "History");
        Locator history = alice.getByTestId("history-row");
        alice.locator("#history-form select[name='state']").selectOption("CLOSED");
        alice.locator("#history-form")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(history.filter(new Locator.FilterOptions().setHasText("First room question")))
                .containsText("CLOSED");
        assertThat(history.filter(new Locator.FilterOptions().setHasText("Second room question")))
                .hasCount(0);
        assertThat(alice.locator("#history-next")).isDisabled();
        Chromium.screenshot(alice, "console-history");
        alice.locator("#history-form input[name='from']").fill("2099-01-01T00:00");
        alice.locator("#history-form")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(history).hasCount(0);
        alice.locator("#history-form input[name='from']").fill("");
        alice.locator("#history-form select[name='channel']").selectOption("EMAIL");
        alice.locator("#history-form")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(alice.locator("#no-history")).isVisible();
        assertThat(history).hasCount(0);
        for (Page page : List.of(alice, olga, pete)) {
            page.context().close();
        }
    }

    @Test
    void aLineEnquiryShowsTheChannelItsCustomInfoAndWhyAReplyFailed() throws Exception {
        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");
        String body = """
                {"destination":"U-bot","events":[{"type":"message","webhookEventId":"%s","timestamp":%d,\
                "source":{"type":"user","userId":"U-line-customer"},\
                "message":{"id":"%s","type":"text","text":"Hello from LINE"}}]}""".formatted(UUID.randomUUID(), System.currentTimeMillis(), UUID.randomUUID());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("demo-line-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> webhook = http.send(
                    HttpRequest.newBuilder(URI.create(app.gatewayUrl() + "/webhooks/line/demo-line"))
                            .header("Content-Type", "application/json")
                            .header("X-Line-Signature", signature)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(webhook.statusCode()).isEqualTo(200);
        }

        Locator card = offer(alice, "Hello from LINE");
        assertThat(card.locator("[data-channel='LINE']")).containsText("LINE");
        accepts(alice, "Hello from LINE");
        Locator info = alice.locator("#room-info");
        assertThat(info).containsText("Demo LINE account");
        assertThat(info).containsText("Demo account for trying Parley locally");

        agentWrites(alice, "Hi, how can I help?");
        Locator reply =
                alice.locator(".message.staff").filter(new Locator.FilterOptions().setHasText("Hi, how can I help?"));
        assertThat(reply.getByTestId("delivery")).hasAttribute("data-status", "FAILED");
        assertThat(reply.getByTestId("delivery")).containsText("Failed: The platform could not be reached");
        Chromium.screenshot(alice, "console-delivery-failed");
        alice.context().close();
    }

    @Test
    void aWriteWithoutTheConsolesCsrfHeaderIsRefused() {
        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");

        Object refused = alice.evaluate("""
                async () => {
                  const response = await fetch("/api/presence/me", {
                    method: "PUT",
                    headers: { "Content-Type": "application/json" },
                    body: JSON.stringify({ status: "BUSY" }),
                  });
                  return response.status + " " + (await response.json()).code;
                }
                """);

        assertThat(refused).isEqualTo("403 auth.csrf");
        assertThat(alice.getByTestId("status")).hasText("ACTIVE");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Busy"))
                .click();
        assertThat(alice.getByTestId("status")).hasText("BUSY");
        alice.context().close();
    }

    @Test
    void onAPhoneTheAgentSignsInAcceptsAndChats() {
        Page phone = app.chromium().page(390, 844);
        Screens.signIn(phone, "bob", "parley-bob");
        Page vera = visitorAsks(app.chromium(), "support", "Vic", "Asking a phone user");

        Locator card = offer(phone, "Asking a phone user");
        assertThat(card).isInViewport();
        Chromium.screenshot(phone, "console-phone-offer");
        accepts(phone, "Asking a phone user");
        assertThat(phone.locator("#offers")).isHidden();
        assertThat(phone.getByLabel("Reply")).isInViewport();
        agentWrites(phone, "Hello from my phone");
        assertThat(visitorMessages(vera)).containsText("Hello from my phone");
        visitorWrites(vera, "Nice, thanks");
        assertThat(phone.locator("#messages")).containsText("Nice, thanks");
        assertThat((Boolean) phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling")
                .isTrue();
        Chromium.screenshot(phone, "console-phone-room");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back to the list"))
                .click();
        assertThat(room(phone, "Vic")).isVisible();
        for (Page page : List.of(phone, vera)) {
            page.context().close();
        }
    }

    @Test
    void anAdminManagesTagsAndSeesEachWebLinksQrCode() {
        Page admin = Screens.agent(app.chromium(), "admin", "parley-admin");
        opens(admin, "Admin");
        Locator rows = admin.getByTestId("admin-row");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("alice"))).isVisible();

        Locator tabs = admin.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Admin"));
        tabs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Web links"))
                .click();
        Locator link = rows.filter(new Locator.FilterOptions().setHasText("demo-link"));
        Locator qr = link.getByTestId("qr");
        assertThat(qr).isVisible();
        admin.waitForCondition(() -> Integer.valueOf(320).equals(qr.evaluate("image => image.naturalWidth")));
        assertThat(link.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Download")))
                .hasAttribute("download", "demo-link-qr.png");
        Chromium.screenshot(admin, "console-admin-links");

        tabs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tags"))
                .click();
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("support")))
                .isVisible();
        Locator form = admin.locator("#admin-form");
        form.getByLabel("Name").fill("VIP customers");
        form.getByLabel("Description").fill("Our <b>best</b> customers");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        Locator vip = rows.filter(new Locator.FilterOptions().setHasText("VIP customers"));
        assertThat(vip).containsText("Our <b>best</b> customers");

        vip.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"))
                .click();
        assertThat(form.getByLabel("Name")).hasValue("VIP customers");
        form.getByLabel("Name").fill("Very important customers");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        Locator renamed = rows.filter(new Locator.FilterOptions().setHasText("Very important customers"));
        assertThat(renamed).isVisible();

        renamed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        renamed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm delete"))
                .click();
        assertThat(renamed).hasCount(0);

        form.getByLabel("Name").fill(" ");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(form.getByRole(AriaRole.ALERT)).not().isEmpty();
        admin.context().close();
    }
}
