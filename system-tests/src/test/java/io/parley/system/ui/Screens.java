package io.parley.system.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What a test does on the console and the widget, in the words of the screens. */
final class Screens {

    private Screens() {}

    /** Opens the console, signs in and becomes ACTIVE. */
    static Page agent(Chromium chromium, String username, String password) {
        Page page = chromium.page();
        signIn(page, username, password);
        return page;
    }

    static void signIn(Page page, String username, String password) {
        page.navigate("/");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Active"))
                .click();
        try {
            assertThat(page.getByTestId("status")).hasText("ACTIVE");
        } catch (AssertionError e) {
            Locator refused = page.getByTestId("status-error");
            throw new AssertionError(
                    "Not ACTIVE after clicking Active; the console says: "
                            + (refused.isVisible() ? refused.textContent() : "nothing"),
                    e);
        }
    }

    /** The offer card whose preview is this text. */
    static Locator offer(Page agent, String preview) {
        return agent.getByTestId("offer").filter(new Locator.FilterOptions().setHasText(preview));
    }

    /** Opens the demo page, opens the widget and asks on a tag; returns the visitor's page. */
    static Page visitorAsks(Chromium chromium, String tagId, String name, String text) {
        Page page = chromium.page(420, 760);
        page.navigate("/widget/demo.html");
        page.locator(".launcher").click();
        page.locator("button[data-tag='" + tagId + "']").click();
        page.getByLabel("Your name").fill(name);
        page.getByLabel("Your message").fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chat"))
                .click();
        assertThat(visitorMessages(page)).containsText(text);
        return page;
    }

    static Locator visitorMessages(Page visitor) {
        return visitor.locator(".parley-widget .messages");
    }

    static void visitorWrites(Page visitor, String text) {
        visitor.getByLabel("Message").fill(text);
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
    }

    /** Presses Accept on the offer with this preview and waits for its room to show that message. */
    static void accepts(Page agent, String preview) {
        offer(agent, preview)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept"))
                .click();
        assertThat(agent.locator("#messages")).containsText(preview);
    }

    /** Switches the console to one of its views: Chats, Missed, History or Admin. */
    static void opens(Page agent, String view) {
        agent.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Views"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(view))
                .click();
    }

    /** The entry in the rooms list for this customer. */
    static Locator room(Page agent, String customer) {
        return agent.getByTestId("room").filter(new Locator.FilterOptions().setHasText(customer));
    }

    static void agentWrites(Page agent, String text) {
        agent.getByLabel("Reply").fill(text);
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send"))
                .click();
    }
}
