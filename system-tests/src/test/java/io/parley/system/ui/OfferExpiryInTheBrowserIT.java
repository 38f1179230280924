package io.parley.system.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.parley.system.ui.Screens.offer;
import static io.parley.system.ui.Screens.visitorAsks;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An offer nobody accepts counts down in front of the agent and vanishes at its deadline with the reason
 * (the suite caps every waiting time at 8 s for this); the agent then follows the missed enquiry up.
 */
class OfferExpiryInTheBrowserIT {

    @RegisterExtension
    static final BrowserSuiteExtension app =
            BrowserSuiteExtension.withSettings(Map.of("parley.enquiry.max-wait-cap", "8s"));

    @Test
    void anOfferNobodyAcceptsExpiresInFrontOfTheAgent() {
        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");
        Page visitor = visitorAsks(app.chromium(), "support", "Iris", "Is anybody there?");

        Locator card = offer(alice, "Is anybody there?");
        assertThat(card.getByTestId("countdown")).hasText(Pattern.compile("0:0[0-8]"));
        assertThat(card).containsText("Nobody accepted it in time");
        assertThat(card.locator("button")).isDisabled();
        Chromium.screenshot(alice, "console-offer-expired");
        assertThat(card).hasCount(0);
        assertThat(alice.locator("#no-offers")).isVisible();

        // The missed enquiry waits in Missed; following it up opens a room with the customer.
        Screens.opens(alice, "Missed");
        Locator missed =
                alice.getByTestId("missed").filter(new Locator.FilterOptions().setHasText("Is anybody there?"));
        assertThat(missed).containsText("Iris");
        assertThat(missed).containsText("Tag: Support");
        Chromium.screenshot(alice, "console-missed");
        missed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Follow up"))
                .click();
        assertThat(alice.locator("#room")).isVisible();
        assertThat(alice.locator("#messages")).containsText("Is anybody there?");
        Screens.agentWrites(alice, "Sorry for the wait, Iris");
        assertThat(Screens.visitorMessages(visitor)).containsText("Sorry for the wait, Iris");
        Screens.opens(alice, "Missed");
        assertThat(missed).hasCount(0);
        for (Page page : List.of(alice, visitor)) {
            page.context().close();
        }
    }
}
