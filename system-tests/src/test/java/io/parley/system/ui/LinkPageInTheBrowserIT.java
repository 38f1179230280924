package io.parley.system.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.parley.system.ui.Screens.offer;
import static io.parley.system.ui.Screens.visitorMessages;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A web link's page ({@code /c/demo-link} of the demo data) in Chromium: its title, and a Chat button that
 * opens the widget straight on the link's tag, under the page's strict Content-Security-Policy.
 */
class LinkPageInTheBrowserIT {

    @RegisterExtension
    static final BrowserSuiteExtension app = BrowserSuiteExtension.withDemoData();

    @Test
    void theChatButtonStartsAnEnquiryOnTheLinksTag() {
        AdminApi admin = AdminApi.signIn(app.gatewayUrl());
        Page alice = Screens.agent(app.chromium(), "alice", "parley-alice");
        Page visitor = app.chromium().page(420, 760);
        List<String> consoleErrors = new CopyOnWriteArrayList<>();
        visitor.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });

        Response served = visitor.navigate("/c/demo-link");
        assertThat(served.headerValue("content-security-policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Demo support link");
        assertThat(visitor.locator(".launcher")).isHidden();
        Chromium.screenshot(visitor, "link-page");

        visitor.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Chat").setExact(true))
                .click();
        assertThat(visitor.locator(".panel h2")).hasText("Demo support link");
        assertThat(visitor.locator("button[data-tag]")).hasCount(0);
        visitor.getByLabel("Your name").fill("Lena");
        visitor.getByLabel("Your message").fill("I scanned the code on my parcel");
        visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chat"))
                .click();
        assertThat(visitorMessages(visitor)).containsText("I scanned the code on my parcel");
        Chromium.screenshot(visitor, "link-page-chat");

        assertThat(offer(alice, "I scanned the code on my parcel")).isVisible();
        alice.waitForCondition(() -> {
            var enquiry = admin.webEnquiry("I scanned the code on my parcel");
            return enquiry.path("entryPoint").path("type").asString().equals("LINK")
                    && enquiry.path("entryPoint").path("id").asString().equals("demo-link")
                    && enquiry.path("tagId").asString().equals("support");
        });
        assertThat(consoleErrors)
                .as("errors in the browser console (CSP violations included)")
                .isEmpty();
        alice.context().close();
        visitor.context().close();
    }
}
