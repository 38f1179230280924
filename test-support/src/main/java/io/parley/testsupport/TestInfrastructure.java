package io.parley.testsupport;

import io.parley.embedded.EmbeddedDocumentStore;
import io.parley.embedded.EmbeddedKafkaBroker;
import io.parley.embedded.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker and one MongoDB-wire store for the whole test JVM, started on first use and
 * stopped when the JVM exits. Tests keep apart by using their own topics' keys, databases and groups.
 */
public final class TestInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedDocumentStore store;

    private TestInfrastructure() {}

    public static synchronized String kafkaBootstrap() {
        if (kafka == null) {
            try {
                Path dir = Files.createTempDirectory("parley-test-kafka");
                kafka = EmbeddedKafkaBroker.start(dir, freePort(), freePort(), 2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(kafka::close));
        }
        return kafka.bootstrapServers();
    }

    public static synchronized String mongoUri() {
        if (store == null) {
            store = EmbeddedDocumentStore.start(null, 0);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(store::close));
        }
        return store.connectionString();
    }

    /** Points a Spring Boot test's service at the shared broker and store. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("parley.kafka.bootstrap", TestInfrastructure::kafkaBootstrap);
        registry.add("parley.kafka.partitions", () -> 2);
        registry.add("parley.mongo.uri", TestInfrastructure::mongoUri);
    }

    /**
     * Command-line arguments that start a Parley service on free ports against the shared broker and store,
     * with its own database, followed by any {@code extra} ones ({@code --key=value}).
     */
    public static String[] serviceArgs(String database, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=" + freePort(),
                "--parley.kafka.bootstrap=" + kafkaBootstrap(),
                "--parley.kafka.partitions=2",
                "--parley.mongo.uri=" + mongoUri(),
                "--parley.mongo.database=" + database));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** A port that is free and that no outgoing connection will take meanwhile ({@link FreePorts}). */
    public static int freePort() {
        return FreePorts.next();
    }
}
