package io.parley.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node acting as broker and controller, with every
 * replication factor and minimum ISR at 1. Its log directory is formatted once and kept, so topics and
 * consumer offsets survive a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker on 127.0.0.1.
     *
     * @param logDir the data directory, created and formatted if new
     * @param port the client port
     * @param controllerPort the KRaft controller port
     * @param defaultPartitions partitions of topics created without an explicit count
     * @throws EmbeddedStartException when the directory cannot be used or the broker does not come up
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort, int defaultPartitions) {
        Map<String, Object> config = config(logDir, port, controllerPort, defaultPartitions);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new EmbeddedStartException(
                    "Cannot create Kafka's data directory " + logDir + " (" + e.getMessage()
                            + "): check its permissions and free space.",
                    e);
        }
        formatOnce(logDir);
        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            throw new EmbeddedStartException(
                    "Kafka could not start on its data directory " + logDir + " (" + rootMessage(e)
                            + "). If it is damaged, move it away (or delete it) to start with an empty broker.",
                    e);
        }
        String bootstrap = "127.0.0.1:" + port;
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, bootstrap);
        broker.awaitReady();
        log.info("Kafka broker ready on {} (data in {})", bootstrap, logDir.toAbsolutePath());
        return broker;
    }

    private static Map<String, Object> config(Path logDir, int port, int controllerPort, int defaultPartitions) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", Integer.toString(defaultPartitions));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // Two cores: a few threads are plenty, and the cleaner's default 128 MiB buffer is not needed.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.put("log.cleaner.io.buffer.size", Integer.toString(256 * 1024));
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        return p;
    }

    /** Formats a new log directory; an already formatted one is left as it is. */
    private static void formatOnce(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new EmbeddedStartException(
                    "Cannot format Kafka's data directory " + logDir + " (" + rootMessage(e)
                            + "): check its permissions, or move it away to start fresh.",
                    e);
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new EmbeddedStartException(
                    "The embedded Kafka broker did not become ready within 30 s (" + rootMessage(e) + ").", e);
        }
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker, flushing its logs. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
