package io.parley.launcher;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.parley.embedded.EmbeddedDocumentStore;
import io.parley.embedded.EmbeddedKafkaBroker;
import io.parley.embedded.EmbeddedStartException;
import io.parley.gateway.GatewayApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole suite in this JVM: Kafka (embedded or external), the document store (embedded or external),
 * the five services and the gateway in front of them. Closing it stops them in reverse order, so every
 * consumer leaves its group and every acknowledged write reaches the store's file.
 */
public final class Suite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Suite.class);
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(90);

    private final LaunchOptions options;
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<Service, ConfigurableApplicationContext> services =
            Collections.synchronizedMap(new EnumMap<>(Service.class));
    private @Nullable ConfigurableApplicationContext gateway;
    private String kafkaBootstrap = "";
    private String mongoUri = "";

    private Suite(LaunchOptions options) {
        this.options = options;
    }

    /**
     * Starts everything and waits until the gateway reports the suite healthy.
     *
     * @throws LaunchException when something the person running Parley can fix is in the way
     */
    public static Suite start(LaunchOptions options) {
        // The services start side by side in this one JVM: had each of them (re)initialise the shared Logback
        // context, one's reset could run into another's (a ConcurrentModificationException that failed a
        // start). Logging is configured once, by the JVM's logback.xml (logback-test.xml in tests).
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Suite suite = new Suite(options);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() {
        List<String> toBind = new ArrayList<>(options.ports().ports().keySet());
        if (options.kafkaBootstrap() != null) {
            toBind.removeAll(List.of(PortPlan.KAFKA, PortPlan.KAFKA_CONTROLLER));
        }
        if (options.mongoUri() != null) {
            toBind.remove(PortPlan.STORE);
        }
        if (!options.demo()) {
            toBind.removeAll(List.of(PortPlan.DEMO_SMTP, PortPlan.DEMO_IMAP));
        }
        options.ports().requireFree(toBind);
        kafkaBootstrap = startKafka();
        mongoUri = startStore();
        if (options.demo()) {
            started.add(DemoMailServer.start(
                    options.ports().of(PortPlan.DEMO_SMTP), options.ports().of(PortPlan.DEMO_IMAP)));
        }
        startServices();
        startGateway();
        awaitHealthy();
    }

    private String startKafka() {
        if (options.kafkaBootstrap() != null) {
            requireKafkaReachable(options.kafkaBootstrap());
            return options.kafkaBootstrap();
        }
        try {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                    options.dataDir().resolve("kafka"),
                    options.ports().of(PortPlan.KAFKA),
                    options.ports().of(PortPlan.KAFKA_CONTROLLER),
                    4);
            started.add(broker);
            return broker.bootstrapServers();
        } catch (EmbeddedStartException e) {
            throw new LaunchException(e.getMessage(), e);
        }
    }

    private static void requireKafkaReachable(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new LaunchException(
                    "Cannot reach Kafka at " + bootstrap + " (PARLEY_KAFKA_BOOTSTRAP) within 10 s:"
                            + " start it, fix the address, or unset PARLEY_KAFKA_BOOTSTRAP to use the embedded broker.",
                    e);
        }
    }

    private String startStore() {
        if (options.mongoUri() != null) {
            requireStoreReachable(options.mongoUri());
            return options.mongoUri();
        }
        try {
            EmbeddedDocumentStore store = EmbeddedDocumentStore.start(
                    options.dataDir().resolve("store").resolve("parley.mv"),
                    options.ports().of(PortPlan.STORE));
            started.add(store);
            return store.connectionString();
        } catch (EmbeddedStartException e) {
            throw new LaunchException(e.getMessage(), e);
        }
    }

    private static void requireStoreReachable(String uri) {
        ConnectionString connection;
        try {
            connection = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new LaunchException("PARLEY_MONGO_URI is not a MongoDB connection string: " + e.getMessage(), e);
        }
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build())) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            throw new LaunchException(
                    "Cannot reach MongoDB at " + connection.getHosts() + " (PARLEY_MONGO_URI) within 10 s:"
                            + " start it, fix the address, or unset PARLEY_MONGO_URI to use the embedded store.",
                    e);
        }
    }

    private void startServices() {
        createTomcatDirectories();
        try (ExecutorService starter = Executors.newFixedThreadPool(Service.values().length)) {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (Service service : Service.values()) {
                starts.add(CompletableFuture.runAsync(
                        () -> services.put(service, run(service.module(), service.application(), args(service))),
                        starter));
            }
            try {
                CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
                        .join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof LaunchException launch ? launch : e;
            }
        }
    }

    /**
     * Creates each service's Tomcat directory before the services start side by side: Tomcat creates it with
     * {@code File.mkdirs()}, and several of them creating the shared parent at once made one fail ("Unable to
     * create the directory … to use as the home directory").
     */
    private void createTomcatDirectories() {
        // A Tomcat without a base directory of its own (a management server's) falls back to the JVM-wide
        // catalina.base, which the first Tomcat of the JVM set: in a JVM that runs one suite after another
        // (the system tests) that was an earlier suite's data directory, deleted since. Point it at this suite.
        Path shared = options.dataDir().resolve("tomcat").toAbsolutePath();
        System.setProperty("catalina.base", shared.toString());
        System.setProperty("catalina.home", shared.toString());
        for (Service service : Service.values()) {
            Path directory = tomcatDirectory(service);
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new LaunchException("Cannot create " + directory + ": " + e.getMessage(), e);
            }
        }
    }

    private Path tomcatDirectory(Service service) {
        return options.dataDir().resolve("tomcat").resolve(service.module()).toAbsolutePath();
    }

    private String[] args(Service service) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", options.ports().of(service.module()));
        properties.put("management.server.port", options.ports().of(PortPlan.management(service.module())));
        properties.put("parley.kafka.bootstrap", kafkaBootstrap);
        properties.put("parley.mongo.uri", mongoUri);
        // The embedded store commits its file every 50 ms: a consumer must not commit offsets past events whose
        // writes are not on disk yet (a MongoDB with journaled writes has them there when it acknowledges).
        properties.put("parley.mongo.durable-before-offset-commit", options.mongoUri() == null);
        properties.put("parley.demo", options.demo());
        properties.put("parley.demo-mail.enabled", options.demo());
        properties.put("parley.demo-mail.smtp-port", options.ports().of(PortPlan.DEMO_SMTP));
        properties.put("parley.demo-mail.imap-port", options.ports().of(PortPlan.DEMO_IMAP));
        // Tomcat's working directory under the suite's data directory, not a random one in /tmp (a browser
        // test run once found its /tmp directory gone between creation and use).
        properties.put("server.tomcat.basedir", tomcatDirectory(service));
        properties.put(
                "parley.routing.state-dir",
                options.dataDir().resolve("routing-streams").toAbsolutePath());
        // Staff browsers reach the sockets through the gateway: only its origin may open them. (Visitors'
        // widgets live on any site, so the visitor socket checks the visitor token instead.)
        String gateway = String.valueOf(options.ports().of(PortPlan.GATEWAY));
        String origins = "http://localhost:" + gateway + ",http://127.0.0.1:" + gateway;
        properties.put("parley.presence.allowed-origins", origins);
        properties.put("parley.chatroom.allowed-origins", origins);
        properties.put("parley.channel-ingest.public-base-url", "http://localhost:" + gateway);
        // The gateway's classes share this JVM's classpath; only the gateway's own context may use them.
        properties.put("spring.cloud.gateway.server.webflux.enabled", false);
        properties.putAll(options.extraProperties());
        return common(properties);
    }

    private void startGateway() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", options.ports().of(PortPlan.GATEWAY));
        properties.put("management.server.port", options.ports().of(PortPlan.management(PortPlan.GATEWAY)));
        for (Service service : Service.values()) {
            String prefix = "parley.gateway." + service.gatewayKey();
            properties.put(
                    prefix + ".uri", "http://127.0.0.1:" + options.ports().of(service.module()));
            properties.put(
                    prefix + ".management-uri",
                    "http://127.0.0.1:" + options.ports().of(PortPlan.management(service.module())));
        }
        // Tomcat (the services' server) shares this JVM's classpath; the gateway runs on Netty only.
        properties.put(
                "spring.autoconfigure.exclude",
                "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration,"
                        + "org.springframework.boot.tomcat.autoconfigure.actuate.web.server"
                        + ".TomcatReactiveManagementContextAutoConfiguration");
        gateway = run("gateway", GatewayApplication.application(), common(properties));
    }

    /** Command-line arguments outrank the environment, so a stray SERVER_PORT cannot move one service. */
    private String[] common(Map<String, Object> properties) {
        properties.put(
                "parley.auth.jwks-uri",
                "http://127.0.0.1:" + options.ports().of(Service.PRESENCE.module()) + "/api/auth/jwks");
        properties.put("spring.main.register-shutdown-hook", false);
        properties.put("spring.main.log-startup-info", false);
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    private ConfigurableApplicationContext run(String name, SpringApplicationBuilder application, String[] args) {
        try {
            ConfigurableApplicationContext context = application.run(args);
            started.add(context::close);
            return context;
        } catch (RuntimeException e) {
            throw new LaunchException("The " + name + " failed to start: " + rootMessage(e), e);
        }
    }

    private void awaitHealthy() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(gatewayUrl() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.body();
            } catch (Exception e) {
                last = rootMessage(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("Interrupted while waiting for the suite to become healthy.", e);
            }
        }
        throw new LaunchException(
                "The suite did not become healthy within " + HEALTHY_WITHIN.toSeconds() + " s: " + last);
    }

    /** The public origin, e.g. {@code http://localhost:8080}. */
    public String gatewayUrl() {
        return "http://localhost:" + options.ports().of(PortPlan.GATEWAY);
    }

    /** A service's management origin (health, Prometheus), which the gateway does not expose. */
    public String managementUrl(String module) {
        return "http://localhost:" + options.ports().of(PortPlan.management(module));
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public LaunchOptions options() {
        return options;
    }

    /** Stops the gateway, then the services, then the store and Kafka. */
    @Override
    public void close() {
        List<AutoCloseable> reverse;
        synchronized (started) {
            reverse = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(reverse);
        for (AutoCloseable part : reverse) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part, rootMessage(e));
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
