package io.parley.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.launcher.LaunchOptions;
import io.parley.launcher.PortPlan;
import io.parley.launcher.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The suite against a real Apache Kafka and a real MongoDB replica set, the way PARLEY_KAFKA_BOOTSTRAP and
 * PARLEY_MONGO_URI point it at them. Runs wherever a Docker engine is available; skipped (by Testcontainers'
 * {@code disabledWithoutDocker}) on machines without one, such as our CI runner.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExternalInfrastructureIT {

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.0");

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    @TempDir
    Path data;

    @Test
    void theSuiteRunsHealthyOnExternalKafkaAndMongo() throws Exception {
        LaunchOptions options = new LaunchOptions(
                data, true, kafka.getBootstrapServers(), mongo.getReplicaSetUrl("parley"), PortPlan.random(), Map.of());

        try (Suite suite = Suite.start(options)) {
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }
}
