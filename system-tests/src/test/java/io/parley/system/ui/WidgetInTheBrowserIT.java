package io.parley.system.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.parley.system.ui.Screens.agentWrites;
import static io.parley.system.ui.Screens.offer;
import static io.parley.system.ui.Screens.visitorAsks;
import static io.parley.system.ui.Screens.visitorMessages;
import static io.parley.system.ui.Screens.visitorWrites;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The visitor widget in Chromium on the whole suite with the demo data, a console beside it: embedded by a
 * shop on another origin (hostile page styles, the Staff Directory with photos and availability, a direct
 * enquiry to one staff member, markup shown as text on both sides), as a call-to-action button, and a chat
 * that survives a reload and a dropped connection without losing or repeating a message.
 */
class WidgetInTheBrowserIT {

    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @RegisterExtension
    static final BrowserSuiteExtension app = BrowserSuiteExtension.withDemoData();

    static AdminApi admin;

    @BeforeAll
    static void signIn() {
        admin = AdminApi.signIn(app.gatewayUrl());
    }

    @Test
    void aShopOnAnotherOriginEmbedsTheWidgetAndADirectEnquiryReachesTheChosenStaffMember() {
        try (ShopSite shop = ShopSite.start(app.gatewayUrl(), "demo")) {
            admin.setPhoto("bob", shop.photo("bob"));
            admin.setStatus("alice", "parley-alice", "BUSY");
            Page bob = Screens.agent(app.chromium(), "bob", "parley-bob");
            // The directory follows presence through events: wait until it has caught up.
            bob.waitForCondition(() -> {
                var people = admin.widget("demo").path("staff");
                return people.size() == 2
                        && people.get(0).path("name").asString().equals("Alice")
                        && !people.get(0).path("available").asBoolean()
                        && people.get(1).path("available").asBoolean()
                        && people.get(1).path("photoUrl").asString().equals(shop.photo("bob"));
            });
            AtomicInteger dialogs = new AtomicInteger();
            bob.onDialog(dialog -> {
                dialogs.incrementAndGet();
                dialog.dismiss();
            });

            Page visitor = app.chromium().page(420, 820);
            visitor.onDialog(dialog -> {
                dialogs.incrementAndGet();
                dialog.dismiss();
            });
            List<String> socketFrames = new CopyOnWriteArrayList<>();
            visitor.onWebSocket(socket -> {
                if (socket.url().contains("/ws/visitor")) {
                    socket.onFrameReceived(frame -> socketFrames.add(frame.text()));
                }
            });
            visitor.navigate(shop.page());

            // The page's hostile styles reach neither the launcher nor anything inside; the widget's styles do
            // not reach the page's own button.
            Locator launcher = visitor.locator(".launcher");
            assertThat(launcher).isVisible();
            assertThat(launcher).hasCSS("color", "rgb(255, 255, 255)");
            assertThat(launcher).hasCSS("font-size", "15px");
            assertThat(visitor.locator("#buy")).not().hasCSS("background-color", "rgb(37, 99, 235)");
            launcher.click();

            // The Staff Directory: Bob is ACTIVE (available, first, with his photo); Alice is busy (greyed).
            Locator staff = visitor.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Staff Directory"));
            Locator people = staff.locator("button.person");
            assertThat(people).hasCount(2);
            assertThat(people.first()).containsText("Bob");
            assertThat(people.first()).containsText("Available");
            assertThat(people.first().locator(".availability")).hasCSS("font-size", "12.8px");
            assertThat(people.first()).isEnabled();
            Locator photo = people.first().locator("img.photo");
            assertThat(photo).hasAttribute("src", shop.photo("bob"));
            visitor.waitForCondition(
                    () -> ((Number) photo.evaluate("img => (img.complete ? img.naturalWidth : 0)")).intValue() == 64);
            Locator alice = people.nth(1);
            assertThat(alice).containsText("Alice");
            assertThat(alice).containsText("Away");
            assertThat(alice).isDisabled();
            assertThat(visitor.locator("button[data-tag='support']")).isVisible();
            Chromium.screenshot(visitor, "widget-directory");

            people.first().click();
            visitor.getByLabel("Your name").fill("Dora");
            visitor.getByLabel("Your message").fill("A word with Bob, please");
            visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chat"))
                    .click();
            assertThat(visitorMessages(visitor)).containsText("A word with Bob, please");

            Locator card = offer(bob, "A word with Bob, please");
            assertThat(card).isVisible();
            assertThat(card).containsText("Dora");
            bob.waitForCondition(() -> admin.webEnquiry("A word with Bob, please")
                    .path("entryPoint")
                    .path("type")
                    .asString()
                    .equals("STAFF"));
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept"))
                    .click();
            agentWrites(bob, "Bob here, how can I help?");
            assertThat(visitorMessages(visitor)).containsText("Bob here, how can I help?");
            assertThat(socketFrames)
                    .as("the reply came over the visitor socket opened from the other origin")
                    .anySatisfy(frame -> assertThat(frame).contains("Bob here, how can I help?"));

            // Markup from the visitor stays text on both sides.
            visitorWrites(visitor, MARKUP);
            Locator room = bob.locator("#messages");
            assertThat(room.getByText(MARKUP)).isVisible();
            assertThat(visitorMessages(visitor).getByText(MARKUP)).isVisible();
            assertThat(room.locator("img")).hasCount(0);
            assertThat(visitorMessages(visitor).locator("img")).hasCount(0);
            Chromium.screenshot(visitor, "widget-chat-other-origin");
            assertThat(dialogs.get()).as("dialogs opened by message markup").isZero();
            bob.context().close();
            visitor.context().close();
        }
    }

    @Test
    void theCallToActionButtonStartsAnEnquiryOnItsTag() {
        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");
        Page visitor = app.chromium().page(420, 760);
        visitor.navigate("/widget/demo-cta.html");

        Locator launcher = visitor.locator(".launcher");
        assertThat(launcher).hasText("Talk to sales");
        Chromium.screenshot(visitor, "widget-call-to-action");
        launcher.click();
        assertThat(visitor.locator(".panel h2")).hasText("Talk to sales");
        assertThat(visitor.locator("button[data-tag]")).hasCount(0);
        visitor.getByLabel("Your name").fill("Carl");
        visitor.getByLabel("Your message").fill("What does the big plan cost?");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chat"))
                .click();
        assertThat(visitorMessages(visitor)).containsText("What does the big plan cost?");

        assertThat(offer(alice, "What does the big plan cost?")).isVisible();
        alice.waitForCondition(() -> {
            var enquiry = admin.webEnquiry("What does the big plan cost?");
            return enquiry.path("entryPoint").path("type").asString().equals("CTA")
                    && enquiry.path("tagId").asString().equals("sales");
        });
        alice.context().close();
        visitor.context().close();
    }

    @Test
    void aReloadAndADroppedConnectionLoseNothingAndRepeatNothing() {
        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");
        Page vera = visitorAsks(app.chromium(), "support", "Vera", "Will my order survive a reload?");
        // Every visitor socket of this page goes through a route the test can cut.
        AtomicBoolean cut = new AtomicBoolean();
        AtomicReference<WebSocketRoute> current = new AtomicReference<>();
        vera.routeWebSocket(Pattern.compile(".*/ws/visitor.*"), route -> {
            if (cut.get()) {
                route.close();
            } else {
                route.connectToServer();
                current.set(route);
            }
        });

        Locator card = offer(alice, "Will my order survive a reload?");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept"))
                .click();
        agentWrites(alice, "It will, I promise");
        assertThat(visitorMessages(vera)).containsText("It will, I promise");

        // A half-typed message, then a reload: the window is open again, the transcript and the draft are back.
        vera.getByLabel("Message").fill("Half a thou");
        vera.reload();
        assertThat(vera.locator(".panel")).isVisible();
        assertThat(vera.getByLabel("Message")).hasValue("Half a thou");
        assertThat(message(vera, "Will my order survive a reload?")).hasCount(1);
        assertThat(message(vera, "It will, I promise")).hasCount(1);
        vera.waitForCondition(() -> current.get() != null);

        // The socket drops and cannot come back: the widget says so and polls, so the reply still arrives.
        cut.set(true);
        current.get().close();
        assertThat(vera.getByRole(AriaRole.STATUS)).hasText("Reconnecting\u2026");
        agentWrites(alice, "Reply while your socket is down");
        assertThat(message(vera, "Reply while your socket is down")).hasCount(1);

        // Fully offline: nothing arrives; back online the socket resumes after the last seq, nothing repeats.
        vera.context().setOffline(true);
        agentWrites(alice, "Reply while you are offline");
        cut.set(false);
        vera.context().setOffline(false);
        assertThat(message(vera, "Reply while you are offline")).hasCount(1);
        assertThat(vera.getByRole(AriaRole.STATUS)).hasText("");
        agentWrites(alice, "And live again");
        assertThat(message(vera, "And live again")).hasCount(1);
        // Every message of the conversation once, in order: the visitor's seq runs 1, 2, 3… without gaps.
        List<?> seqs = (List<?>) vera.locator(".message").evaluateAll("items => items.map(i => Number(i.dataset.seq))");
        assertThat(seqs).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(((Number) seqs.get(i)).intValue()).isEqualTo(i + 1);
        }

        // The draft was kept through all of it and is sent as it was finished.
        assertThat(vera.getByLabel("Message")).hasValue("Half a thou");
        visitorWrites(vera, "Half a thought, finished");
        assertThat(alice.locator("#messages")).containsText("Half a thought, finished");
        Chromium.screenshot(vera, "widget-chat-after-reload-and-drop");
        alice.context().close();
        vera.context().close();
    }

    private static Locator message(Page visitor, String text) {
        return visitorMessages(visitor).locator(".message").filter(new Locator.FilterOptions().setHasText(text));
    }
}
