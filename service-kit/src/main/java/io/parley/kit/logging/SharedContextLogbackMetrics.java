package io.parley.kit.logging;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Logback's metrics (log events counted by level), registered with the JVM's Logback context one service at a
 * time. The launcher starts the services side by side in one JVM, and each one's {@link LogbackMetrics} adds a
 * listener to the shared Logback context, whose list of listeners is a plain {@code ArrayList}: two at once
 * failed a start ({@code ArrayIndexOutOfBoundsException} in {@code LoggerContext.addListener}, seen in issue
 * 8's load benchmark). Registering under the context's own monitor keeps them one at a time. (The rest —
 * its turbo filters, added at binding and removed on close — are in a thread-safe list already.)
 */
public final class SharedContextLogbackMetrics extends LogbackMetrics {

    private SharedContextLogbackMetrics(LoggerContext context) {
        super(List.of(), context);
    }

    /** Metrics of the JVM's Logback context. */
    public static SharedContextLogbackMetrics create() {
        return create((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    static SharedContextLogbackMetrics create(LoggerContext context) {
        synchronized (context) {
            return new SharedContextLogbackMetrics(context);
        }
    }
}
