package io.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./parley up} as a person runs it, when something is in the way: each problem is one clear line on
 * standard error that says what is wrong and what to do — no stack trace — and a non-zero exit.
 */
class ParleyCommandIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path data;

    @Test
    void aBusyPortIsNamedWithTheWayOut() throws Exception {
        int offset = randomOffset();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 8080 + offset));

            Result result = parleyUp(Map.of("PARLEY_PORT_OFFSET", Integer.toString(offset)));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.errorLine())
                    .contains("Port " + (8080 + offset) + " (gateway) is already in use")
                    .contains("PARLEY_PORT_OFFSET");
        }
    }

    @Test
    void anUnreachableExternalKafkaIsNamed() throws Exception {
        Result result = parleyUp(Map.of(
                "PARLEY_PORT_OFFSET",
                Integer.toString(randomOffset()),
                "PARLEY_KAFKA_BOOTSTRAP",
                "127.0.0.1:" + closedPort()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errorLine())
                .contains("Cannot reach Kafka at 127.0.0.1:")
                .contains("PARLEY_KAFKA_BOOTSTRAP");
    }

    @Test
    void anUnreachableExternalMongoIsNamed() throws Exception {
        Result result = parleyUp(Map.of(
                "PARLEY_PORT_OFFSET",
                Integer.toString(randomOffset()),
                "PARLEY_MONGO_URI",
                "mongodb://127.0.0.1:" + closedPort()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errorLine()).contains("Cannot reach MongoDB at").contains("PARLEY_MONGO_URI");
    }

    @Test
    void aDamagedDataDirectoryIsNamedWithTheWayOut() throws Exception {
        Path kafka = data.resolve("kafka");
        Files.createDirectories(kafka);
        Files.writeString(kafka.resolve("meta.properties"), "version=banana\nnode.id=\n");

        Result result = parleyUp(Map.of("PARLEY_PORT_OFFSET", Integer.toString(randomOffset())));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errorLine()).contains(kafka.toString()).contains("move it away");
    }

    @Test
    void withoutAJdk25TheCommandSaysWhatToInstall() throws Exception {
        Result result = parleyUp(Map.of("PARLEY_JDK_CANDIDATES", "/usr/lib/jvm/java-17-openjdk-amd64 /nonexistent"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errorLine()).contains("Parley needs a JDK 25").contains("JAVA_HOME");
    }

    @Test
    void aNonNumericPortOffsetIsRefused() throws Exception {
        Result result = parleyUp(Map.of("PARLEY_PORT_OFFSET", "lots"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errorLine()).contains("PARLEY_PORT_OFFSET must be a whole number");
    }

    private Result parleyUp(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("parley").toString(), "up").directory(ROOT.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PARLEY_DATA_DIR", data.toString());
        builder.environment().putAll(env);
        Path stderr = data.resolveSibling(data.getFileName() + ".stderr");
        builder.redirectError(stderr.toFile());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./parley up did not exit within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** What the command left: its exit code and the last line it wrote to standard error. */
    record Result(int exitCode, String stderr) {

        String errorLine() {
            String[] lines = stderr.strip().split("\n");
            String last = lines[lines.length - 1];
            assertThat(last).as("the last line of stderr:%n%s", stderr).startsWith("parley: ");
            assertThat(stderr).as("no stack trace on stderr").doesNotContain("\tat ");
            return last;
        }
    }

    /** Keeps every port below Linux's ephemeral range (32768 and up), where client sockets come and go. */
    private static int randomOffset() {
        return 3_000 + ThreadLocalRandom.current().nextInt(0, 25) * 100;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
