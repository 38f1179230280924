package io.parley.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code ./parley up}: starts the suite, prints where it is, and runs until Ctrl-C, which stops everything
 * cleanly. Anything in the way (a busy port, an unreachable Kafka or MongoDB, a damaged data directory)
 * is one line on standard error and exit code 1.
 */
public final class Parley {

    private Parley() {}

    public static void main(String[] args) {
        // The launcher's logback.xml configures logging once for all the services in this JVM (Suite.start).
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        long begin = System.nanoTime();
        Suite suite;
        try {
            suite = Suite.start(LaunchOptions.from(args, System.getenv()));
        } catch (LaunchException e) {
            System.err.println("parley: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("parley: unexpected failure while starting: " + Suite.rootMessage(e)
                    + " (the log above has the details)");
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("parley-stop").unstarted(() -> {
                    System.out.println("Stopping Parley…");
                    suite.close();
                    System.out.println("Parley stopped.");
                    stopped.countDown();
                }));
        System.out.println(banner(suite, Duration.ofNanos(System.nanoTime() - begin)));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String banner(Suite suite, Duration took) {
        LaunchOptions options = suite.options();
        StringBuilder text = new StringBuilder();
        text.append("\nParley is up (healthy after ")
                .append(took.toMillis() / 100 / 10.0)
                .append(" s)\n");
        text.append("  API (gateway)      ").append(suite.gatewayUrl()).append("/api\n");
        text.append("  Health             ").append(suite.gatewayUrl()).append("/actuator/health\n");
        text.append("  Kafka              ")
                .append(suite.kafkaBootstrap())
                .append(
                        options.kafkaBootstrap() == null
                                ? " (embedded, data in " + options.dataDir().resolve("kafka") + ")"
                                : "")
                .append('\n');
        text.append("  Document store     ")
                .append(suite.mongoUri())
                .append(
                        options.mongoUri() == null
                                ? " (embedded, data in " + options.dataDir().resolve("store") + ")"
                                : "")
                .append('\n');
        if (options.demo()) {
            text.append("""
                  Demo data (local trials only):
                    admin / parley-admin, alice / parley-alice, bob / parley-bob (destination Support)
                    widget 'demo', web link 'demo-link', channel accounts demo-page, demo-phone, demo-line,
                    demo-wechat, demo-woztell, demo-api, demo-email
                """);
            text.append("    demo mailbox ")
                    .append(DemoMailServer.ADDRESS)
                    .append(" / ")
                    .append(DemoMailServer.PASSWORD)
                    .append(": SMTP 127.0.0.1:")
                    .append(options.ports().of(PortPlan.DEMO_SMTP))
                    .append(", IMAP 127.0.0.1:")
                    .append(options.ports().of(PortPlan.DEMO_IMAP))
                    .append(" (in memory; each customer's replies land in their own mailbox there)\n");
        } else {
            text.append("  Admin              username 'admin'; its password was printed at the first start"
                    + " (or set PARLEY_ADMIN_PASSWORD before it)\n");
        }
        text.append("Press Ctrl-C to stop.");
        return text.toString();
    }
}
