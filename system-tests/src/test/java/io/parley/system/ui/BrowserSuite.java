package io.parley.system.ui;

import io.parley.launcher.LaunchOptions;
import io.parley.launcher.PortPlan;
import io.parley.launcher.Suite;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The whole suite with the demo data (as {@code ./parley up --demo} starts it) and a Chromium pointed at its
 * gateway: what every browser test class starts once and closes at the end. Skips the class where Chromium is
 * missing, before anything starts.
 */
final class BrowserSuite implements AutoCloseable {

    private final Suite suite;
    private final @Nullable Chromium chromium;

    private BrowserSuite(Suite suite, @Nullable Chromium chromium) {
        this.suite = suite;
        this.chromium = chromium;
    }

    /** Starts the suite in {@code data} with these extra settings, then Chromium. */
    static BrowserSuite start(Path data, Map<String, Object> settings) {
        Chromium.assumeInstalled();
        Suite suite = Suite.start(new LaunchOptions(data, true, null, null, PortPlan.random(), settings));
        try {
            return new BrowserSuite(suite, Chromium.launch(suite.gatewayUrl()));
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** The gateway's base URL, e.g. for calling webhooks as a platform would. */
    String gatewayUrl() {
        return suite.gatewayUrl();
    }

    Chromium chromium() {
        if (chromium == null) {
            throw new IllegalStateException("Chromium is not running");
        }
        return chromium;
    }

    @Override
    public void close() {
        if (chromium != null) {
            chromium.close();
        }
        suite.close();
    }
}
