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
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console and the widget side by side in Chromium, on the whole suite with the demo data: a visitor asks
 * on a tag, the offer appears for Alice with its countdown, she accepts, messages go both ways (markup in a
 * message stays text), the visitor's reload continues the chat, Alice closes the room; and two agents race
 * for one offer.
 */
class EnquiryInTheBrowserIT {

    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @RegisterExtension
    static final BrowserSuiteExtension app = BrowserSuiteExtension.withDemoData();

    @Test
    void aVisitorIsServedFromTheWidgetToTheClosedRoom() {
        Page login = app.chromium().page();
        Response served = login.navigate("/");
        assertThat(served.headerValue("content-security-policy")).contains("script-src 'self'");
        assertThat(login.getByLabel("Username")).isVisible();
        Chromium.screenshot(login, "console-login");
        login.context().close();

        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");
        AtomicInteger dialogs = new AtomicInteger();
        alice.onDialog(dialog -> {
            dialogs.incrementAndGet();
            dialog.dismiss();
        });

        Page directory = app.chromium().page(420, 760);
        directory.navigate("/widget/demo.html");
        directory.locator(".launcher").click();
        assertThat(directory.locator("button[data-tag='support']")).isVisible();
        Chromium.screenshot(directory, "widget-tag-directory");
        directory.context().close();

        Page vera = visitorAsks(app.chromium(), "support", "Vera", "Where is my parcel?");
        vera.onDialog(dialog -> {
            dialogs.incrementAndGet();
            dialog.dismiss();
        });
        List<String> consoleErrors = new CopyOnWriteArrayList<>();
        for (Page page : List.of(alice, vera)) {
            page.onConsoleMessage(message -> {
                if (message.type().equals("error")) {
                    consoleErrors.add(message.text());
                }
            });
        }

        // The offer: channel, customer, where it came from, preview and a running countdown.
        Locator card = offer(alice, "Where is my parcel?");
        assertThat(card).isVisible();
        assertThat(card.locator("[data-channel='WEB']")).containsText("Web");
        assertThat(card).containsText("Vera");
        assertThat(card).containsText("Tag: Support");
        assertThat(card.getByTestId("countdown")).hasText(Pattern.compile("[01]:\\d\\d"));
        Chromium.screenshot(alice, "console-open-enquiry");

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept"))
                .click();
        Locator messages = alice.locator("#messages");
        assertThat(messages).containsText("Where is my parcel?");
        assertThat(alice.locator("#room-title")).containsText("Vera");

        agentWrites(alice, "Let me check that for you");
        assertThat(visitorMessages(vera)).containsText("Let me check that for you");

        visitorWrites(vera, MARKUP);
        assertThat(messages.getByText(MARKUP)).isVisible();
        assertThat(visitorMessages(vera).getByText(MARKUP)).isVisible();
        assertThat(messages.locator("img")).hasCount(0);
        assertThat(visitorMessages(vera).locator("img")).hasCount(0);

        // A reload of the visitor's page continues the same conversation.
        vera.reload();
        assertThat(visitorMessages(vera)).containsText("Let me check that for you");
        visitorWrites(vera, "Thank you!");
        assertThat(messages).containsText("Thank you!");
        Chromium.screenshot(vera, "widget-chat");
        Chromium.screenshot(alice, "console-room");

        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Close").setExact(true))
                .click();
        assertThat(alice.locator("#room-state")).hasText("CLOSED");
        assertThat(messages).containsText("closed the room");
        assertThat(alice.getByLabel("Reply")).isDisabled();
        assertThat(dialogs.get()).as("dialogs opened by message markup").isZero();
        assertThat(consoleErrors)
                .as("errors in the browser console (CSP violations included)")
                .isEmpty();

        // The console on a phone-sized screen.
        Page phone = app.chromium().page(390, 844);
        Screens.signIn(phone, "alice", "parley-alice");
        assertThat(phone.locator("#offers")).isAttached();
        Chromium.screenshot(phone, "console-phone");
        for (Page page : List.of(phone, vera, alice)) {
            page.context().close();
        }
    }

    @Test
    void twoAgentsRaceForOneOfferAndOnlyOneGetsTheRoom() {
        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");
        Page bob = Screens.agent(app.chromium(), "bob", "parley-bob");
        Page visitor = visitorAsks(app.chromium(), "sales", "Rita", "Two agents, one question");

        Locator aliceCard = offer(alice, "Two agents, one question");
        Locator bobCard = offer(bob, "Two agents, one question");
        assertThat(aliceCard).isVisible();
        assertThat(bobCard).isVisible();

        // Both press Accept at once: no waiting for the other page between the two clicks.
        aliceCard.locator("button").dispatchEvent("click");
        bobCard.locator("button").dispatchEvent("click");

        alice.waitForCondition(
                () -> alice.locator("#room").isVisible() || bob.locator("#room").isVisible());
        boolean aliceWon = alice.locator("#room").isVisible();
        Page winner = aliceWon ? alice : bob;
        Page loser = aliceWon ? bob : alice;
        assertThat(winner.locator("#messages")).containsText("Two agents, one question");
        assertThat(offer(loser, "Two agents, one question")).containsText("Taken by someone else");
        assertThat(offer(loser, "Two agents, one question")).hasCount(0);
        assertThat(loser.locator("#room")).isHidden();
        for (Page page : List.of(alice, bob, visitor)) {
            page.context().close();
        }
    }
}
