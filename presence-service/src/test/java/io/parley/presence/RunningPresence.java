package io.parley.presence;

import io.parley.events.Envelope;
import io.parley.events.Topic;
import io.parley.presence.staff.Role;
import io.parley.presence.staff.StaffAccount;
import io.parley.presence.staff.StaffAccounts;
import io.parley.security.MutableClock;
import io.parley.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real presence-service on a random port, on the shared test broker and store, with a clock the tests move
 * by hand. Every test class extending it shares the one application context; each test makes its own staff.
 */
@SpringBootTest(
        classes = {PresenceServiceApplication.class, RunningPresence.TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=presence-service", "parley.mongo.database=presence-it"})
public abstract class RunningPresence {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final MutableClock CLOCK = new MutableClock(Instant.now());
    protected static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("management.server.port", TestInfrastructure::freePort);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected StaffAccounts accounts;

    @Autowired
    protected PasswordEncoder passwords;

    /** A staff member made for one test, with a password and a logged-in token. */
    public record Staff(String id, String username, String password, String token) {}

    /** Creates an account with these roles and logs it in. */
    protected Staff newStaff(Role... roles) throws Exception {
        String username = "u" + UUID.randomUUID().toString().substring(0, 12);
        String password = "password-" + username;
        String id = "staff-" + UUID.randomUUID();
        accounts.save(new StaffAccount(
                id, username, "Name " + username, null, Set.of(roles), passwords.encode(password), 3, CLOCK.instant()));
        HttpResponse<String> login = send("POST", "/api/auth/login", null, credentials(username, password));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
        }
        return new Staff(
                id,
                username,
                password,
                JSON.readTree(login.body()).path("token").asString());
    }

    protected static String credentials(String username, String password) {
        return JSON.writeValueAsString(Map.of("username", username, "password", password));
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String code(HttpResponse<String> response) {
        return json(response).path("code").asString();
    }

    /** Every event with the key on the topic, read from the beginning. */
    protected static <E> List<E> events(Topic<String, E> topic, String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        List<E> found = new ArrayList<>();
        try (var consumer =
                new KafkaConsumer<byte[], byte[]>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (Arrays.equals(record.key(), keyBytes)) {
                        Envelope<E> envelope =
                                topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
                        found.add(envelope.payload());
                    }
                }
            }
        }
        return found;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }
}
