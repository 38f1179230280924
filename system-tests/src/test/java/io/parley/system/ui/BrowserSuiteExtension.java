package io.parley.system.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BrowserSuite} for one browser test class, in a data folder of its own: started before the class's
 * first test, closed and its folder deleted after the last. Register it on a static field with
 * {@code @RegisterExtension}, so every browser test class starts and stops the suite the same way.
 */
final class BrowserSuiteExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserSuiteExtension.class);

    private final Map<String, Object> settings;
    private @Nullable Path data;
    private @Nullable BrowserSuite suite;

    private BrowserSuiteExtension(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** The suite with the demo data and these extra settings. */
    static BrowserSuiteExtension withSettings(Map<String, Object> settings) {
        return new BrowserSuiteExtension(settings);
    }

    /** The suite with the demo data as {@code ./parley up --demo} starts it. */
    static BrowserSuiteExtension withDemoData() {
        return withSettings(Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("parley-browser-");
        suite = BrowserSuite.start(data, settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (suite != null) {
                suite.close();
            }
        } finally {
            suite = null;
            if (data != null) {
                delete(data);
                data = null;
            }
        }
    }

    Chromium chromium() {
        return running().chromium();
    }

    /** The gateway's base URL, e.g. for calling webhooks as a platform would. */
    String gatewayUrl() {
        return running().gatewayUrl();
    }

    private BrowserSuite running() {
        if (suite == null) {
            throw new IllegalStateException("The suite runs only between the class's first and last test");
        }
        return suite;
    }

    /**
     * Best effort: a service may still write to its folder (Tomcat's base dir) while it stops, and a temporary
     * folder left behind must not fail the tests that ran.
     */
    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", path, e.toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the suite's data in {}: {}", folder, e.toString());
        }
    }
}
