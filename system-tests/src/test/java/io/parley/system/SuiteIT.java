package io.parley.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.parley.launcher.LaunchOptions;
import io.parley.launcher.PortPlan;
import io.parley.launcher.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite, started exactly as {@code ./parley up --demo} starts it (the launcher's {@link Suite}),
 * on free ports and a fresh data directory, and driven from outside through the gateway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    static Path data;

    static Suite suite;
    static LaunchOptions options;

    @BeforeAll
    static void startSuite() {
        options = new LaunchOptions(data, true, null, null, PortPlan.random(), Map.of());
        long begin = System.nanoTime();
        suite = Suite.start(options);
        System.out.printf("suite healthy after a cold start: %d ms%n", (System.nanoTime() - begin) / 1_000_000);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void gatewayReportsEveryServiceHealthy() throws Exception {
        HttpResponse<String> response = get(suite.gatewayUrl() + "/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("services").propertyNames())
                .containsExactlyInAnyOrder(
                        "channel-ingest-service",
                        "routing-service",
                        "enquiry-service",
                        "chatroom-service",
                        "presence-service");
        health.path("services").forEach(status -> assertThat(status.asString()).isEqualTo("UP"));
    }

    @Test
    @Order(2)
    void eachServiceChecksKafkaAndItsOwnStore() throws Exception {
        for (String service : new String[] {"channel-ingest-service", "enquiry-service", "presence-service"}) {
            JsonNode health = json.readTree(
                    get(suite.managementUrl(service) + "/actuator/health").body());

            assertThat(health.path("components").path("kafka").path("status").asString())
                    .as(service)
                    .isEqualTo("UP");
            assertThat(health.path("components").path("mongo").path("status").asString())
                    .as(service)
                    .isEqualTo("UP");
        }
    }

    @Test
    @Order(3)
    void channelAccountsPublishedByIngestAreConsumedByChatroomWithoutSecrets() {
        // channel-ingest-service seeds the demo accounts and publishes them on channel.account.v1;
        // chatroom-service keeps its own copy, in its own database, for the room's side panel.
        try (MongoClient mongo = MongoClients.create(suite.mongoUri())) {
            var chatroomCopy = mongo.getDatabase("parley-chatroom").getCollection("channel_info");
            await().atMost(Duration.ofSeconds(20)).until(() -> chatroomCopy.countDocuments() >= 7);

            Document page = chatroomCopy.find(Filters.eq("_id", "demo-page")).first();
            assertThat(page).isNotNull();
            assertThat(page.getString("channel")).isEqualTo("FACEBOOK");
            assertThat(page.toJson()).doesNotContain("demo-app-secret", "secrets");
        }
    }

    @Test
    @Order(4)
    void consumptionIsVisibleToOperatorsOnTheManagementPort() throws Exception {
        String metrics = get(suite.managementUrl("chatroom-service") + "/actuator/prometheus")
                .body();

        assertThat(metrics)
                .containsPattern("parley_events_consumed_total\\{[^}]*topic=\"channel\\.account\\.v1\"[^}]*} [1-9]");
    }

    @Test
    @Order(5)
    void managementEndpointsAreNotReachableThroughTheGateway() throws Exception {
        assertThat(get(suite.gatewayUrl() + "/actuator/prometheus").statusCode())
                .isEqualTo(404);
        assertThat(get(suite.gatewayUrl() + "/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void demoStaffAreStoredWithHashedPasswordsOnly() {
        try (MongoClient mongo = MongoClients.create(suite.mongoUri())) {
            var staff = mongo.getDatabase("parley-presence").getCollection("staff");

            assertThat(staff.countDocuments()).isEqualTo(3);
            Document alice = staff.find(Filters.eq("username", "alice")).first();
            assertThat(alice).isNotNull();
            assertThat(alice.getString("passwordHash")).startsWith("$2").doesNotContain("parley-alice");
        }
    }

    @Test
    @Order(7)
    void aRestartKeepsTheDataAndSeedsTheDemoOnlyOnce() {
        suite.close();
        long begin = System.nanoTime();
        suite = Suite.start(options);
        System.out.printf("suite healthy after a warm start: %d ms%n", (System.nanoTime() - begin) / 1_000_000);

        try (MongoClient mongo = MongoClients.create(suite.mongoUri())) {
            assertThat(mongo.getDatabase("parley-presence")
                            .getCollection("staff")
                            .countDocuments())
                    .isEqualTo(3);
            assertThat(mongo.getDatabase("parley-routing")
                            .getCollection("destinations")
                            .countDocuments())
                    .isEqualTo(1);
            assertThat(mongo.getDatabase("parley-channel-ingest")
                            .getCollection("channel_accounts")
                            .countDocuments())
                    .isEqualTo(7);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
