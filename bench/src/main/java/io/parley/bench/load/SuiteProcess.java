package io.parley.bench.load;

import io.parley.launcher.PortPlan;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The suite as {@code ./parley up --demo} runs it, in a child JVM of its own, so that its RSS and CPU time
 * are the suite's alone (the load generator stays in the benchmark's JVM): the launcher's executable jar
 * with the same JVM options as the {@code parley} script, on a port offset whose ports are all free, a
 * fresh data directory, and the demo accounts sending to the benchmark's platform stub.
 */
final class SuiteProcess implements AutoCloseable {

    private final Process process;
    private final int offset;
    private final Path log;

    private SuiteProcess(Process process, int offset, Path log) {
        this.process = process;
        this.offset = offset;
        this.log = log;
    }

    /**
     * Starts the suite as a benchmark's command line asks: {@code --launcher-jar}, {@code --port-offset},
     * {@code --suite-java-options} (e.g. a flight recording), with a fresh data directory under
     * {@code bench/target/} named {@code <prefix>-…}.
     */
    static SuiteProcess start(Args args, String prefix, String platformUrl) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("bench", "target")), prefix + "-");
        System.out.println("Starting the suite (data in " + data + ")…");
        return start(
                Path.of(args.text("launcher-jar", "launcher/target/parley-launcher-exec.jar")),
                args.integer("port-offset", -1),
                data,
                platformUrl,
                javaOptions(args.text("suite-java-options", "")));
    }

    private static List<String> javaOptions(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    /**
     * The JVM options {@code ./parley up} would use on this machine: {@code ./parley bench} passes them in
     * {@code PARLEY_SUITE_JAVA_OPTIONS} (the script decides them by the number of cores); without it, G1 and both
     * compilers.
     */
    static List<String> suiteJavaOptions() {
        String fromScript = System.getenv("PARLEY_SUITE_JAVA_OPTIONS");
        return fromScript == null || fromScript.isBlank()
                ? List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError")
                : List.of(fromScript.trim().split("\\s+"));
    }

    /**
     * @param launcherJar the launcher's executable jar (built by {@code ./parley bench})
     * @param offset a port offset, or a negative number to find a free one
     * @param platformUrl where the demo channel accounts send
     * @param javaOptions extra JVM options for the suite (e.g. to record a flight recording)
     */
    static SuiteProcess start(Path launcherJar, int offset, Path dataDir, String platformUrl, List<String> javaOptions)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(launcherJar)) {
            throw new IllegalStateException(
                    "no launcher jar at " + launcherJar.toAbsolutePath() + ": run ./parley bench (it builds one)");
        }
        int chosen = offset >= 0 ? offset : freeOffset();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("suite.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(suiteJavaOptions());
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", launcherJar.toAbsolutePath().toString(), "--demo"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File("."));
        builder.environment().put("PARLEY_PORT_OFFSET", Integer.toString(chosen));
        builder.environment().put("PARLEY_DATA_DIR", dataDir.toAbsolutePath().toString());
        builder.environment().put("PARLEY_DEMO_PLATFORM_URL", platformUrl);
        builder.environment().remove("PARLEY_KAFKA_BOOTSTRAP");
        builder.environment().remove("PARLEY_MONGO_URI");
        SuiteProcess suite = new SuiteProcess(builder.start(), chosen, log);
        try {
            suite.awaitHealthy(Duration.ofSeconds(180));
        } catch (RuntimeException | InterruptedException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private void awaitHealthy(Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        long giveUp = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the suite exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(gatewayUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the suite was not healthy within " + within.toSeconds() + " s; see " + log);
    }

    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Every port stays below the ephemeral range (27017 + offset < 32768).
            int offset = 1000 + ThreadLocalRandom.current().nextInt(4500);
            if (allFree(PortPlan.standard(offset))) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with every port free");
    }

    private static boolean allFree(PortPlan plan) {
        for (int port : plan.ports().values()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    String gatewayUrl() {
        return "http://localhost:" + PortPlan.standard(offset).of(PortPlan.GATEWAY);
    }

    String kafkaBootstrap() {
        return "localhost:" + PortPlan.standard(offset).of(PortPlan.KAFKA);
    }

    /** The suite for a report: pid, options, port offset, log. */
    String describe() {
        return "child JVM pid " + pid() + " (launcher --demo, " + String.join(" ", suiteJavaOptions())
                + "), port offset " + offset + ", log " + log;
    }

    long pid() {
        return process.pid();
    }

    int offset() {
        return offset;
    }

    Path log() {
        return log;
    }

    /** SIGTERM (what Ctrl-C does), then waits for the clean stop; kills it after two minutes. */
    @Override
    public void close() {
        System.out.println("Stopping the suite…");
        process.destroy();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
