package io.parley.system.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.parley.system.ui.Screens.opens;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin's channel accounts screen: secrets are password inputs that are never filled in, each saying
 * whether it is set; typing one replaces it, the rest is edited as it is shown.
 */
class ChannelAccountsInTheBrowserIT {

    @RegisterExtension
    static final BrowserSuiteExtension app = BrowserSuiteExtension.withDemoData();

    @Test
    void anAdminSetsASecretWithoutEverSeeingOne() {
        Page admin = Screens.agent(app.chromium(), "admin", "parley-admin");
        opens(admin, "Admin");
        Locator tabs = admin.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Admin"));
        tabs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Channel accounts"))
                .click();
        Locator rows = admin.getByTestId("admin-row");
        Locator line = rows.filter(new Locator.FilterOptions().setHasText("demo-line"));
        assertThat(line).containsText("LINE");
        assertThat(line).containsText("channelSecret: set");
        Chromium.screenshot(admin, "console-admin-channel-accounts");

        line.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"))
                .click();
        Locator form = admin.locator("#admin-form");
        Locator secret = form.getByLabel("channelSecret", new Locator.GetByLabelOptions().setExact(true));
        assertThat(secret).hasAttribute("type", "password");
        assertThat(secret).hasValue("");
        form.getByLabel("Welcome message", new Locator.GetByLabelOptions().setExact(true))
                .fill("Hello from LINE");
        form.getByLabel("Custom info shown to agents").fill("Region: Tokyo");
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Demo LINE (Tokyo)");
        form.getByLabel("channelAccessToken", new Locator.GetByLabelOptions().setExact(true))
                .fill("a-new-access-token");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        // the list shows the saved account (its new name) only once the save has gone through
        assertThat(line).containsText("Demo LINE (Tokyo)");
        assertThat(line).containsText("channelAccessToken: set");
        assertThat(admin.locator("body")).not().containsText("a-new-access-token");

        line.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"))
                .click();
        assertThat(form.getByLabel("Welcome message", new Locator.GetByLabelOptions().setExact(true)))
                .hasValue("Hello from LINE");
        assertThat(form.getByLabel("Custom info shown to agents")).hasValue("Region: Tokyo");
        assertThat(form.getByLabel("channelAccessToken", new Locator.GetByLabelOptions().setExact(true)))
                .hasValue("");

        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("New"))
                .click();
        form.getByLabel("Id", new Locator.GetByLabelOptions().setExact(true)).fill("bad id with spaces");
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Broken");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(form.getByRole(AriaRole.ALERT)).not().isEmpty();
        admin.context().close();
    }
}
