package io.parley.system.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, which never downloads a browser of its own. Each {@link #page} is a
 * fresh browser context (its own cookies and sessionStorage), so one test can hold an agent and a visitor
 * side by side. Tests skip where {@code /usr/bin/chromium} is missing.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    private final String origin;

    private Chromium(String origin) {
        this.origin = origin;
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    /** Skips the calling test class unless Chromium is installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(EXECUTABLE), "Chromium is not installed: apt-get install chromium");
    }

    /** Launches Chromium for pages of this origin (the suite's gateway). */
    static Chromium launch(String origin) {
        assumeInstalled();
        return new Chromium(origin);
    }

    /** A page in a browser context of its own, desktop-sized. */
    Page page() {
        return page(1280, 800);
    }

    /** A page in a browser context of its own, with this viewport. */
    Page page(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(origin)
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** Saves a screenshot of the page (into {@code target/screenshots}, or where {@code parley.screenshots} says). */
    static void screenshot(Page page, String name) {
        Path dir = Path.of(System.getProperty("parley.screenshots", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
