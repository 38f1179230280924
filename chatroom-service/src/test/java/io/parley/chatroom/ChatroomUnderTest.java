package io.parley.chatroom;

import io.parley.kit.kafka.EventPublisher;
import io.parley.security.LocalJwks;
import io.parley.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One chatroom-service for every integration test of this module, on the shared in-process broker and store,
 * with its own consumer group and database (so that no other context in the test JVM takes its events), a
 * local key set for staff tokens and a short room grace. It is started on first use and lives as long as the
 * test JVM.
 */
public final class ChatroomUnderTest {

    public static final Duration ROOM_GRACE = Duration.ofMillis(700);
    public static final String ALLOWED_ORIGIN = "http://console.test";

    private static ChatroomUnderTest instance;

    public final LocalJwks jwks;
    public final ConfigurableApplicationContext context;
    public final EventPublisher events;
    public final String baseUrl;
    public final String socketUrl;
    public final HttpClient http = HttpClient.newHttpClient();
    public final JsonMapper json = JsonMapper.builder().build();

    private ChatroomUnderTest() {
        jwks = LocalJwks.start();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        context = ChatroomServiceApplication.application()
                .run(
                        "--server.port=0",
                        "--management.server.port=" + TestInfrastructure.freePort(),
                        "--spring.application.name=chatroom-service-it-" + suffix,
                        "--parley.kafka.bootstrap=" + TestInfrastructure.kafkaBootstrap(),
                        "--parley.kafka.partitions=2",
                        "--parley.mongo.uri=" + TestInfrastructure.mongoUri(),
                        "--parley.mongo.database=chatroom-it-" + suffix,
                        "--parley.auth.jwks-uri=" + jwks.uri(),
                        "--parley.chatroom.room-grace=" + ROOM_GRACE.toMillis() + "ms",
                        "--parley.chatroom.allowed-origins=" + ALLOWED_ORIGIN,
                        "--parley.chatroom.pending-reply-after=2s",
                        "--parley.chatroom.pending-reply-check=500ms");
        events = context.getBean(EventPublisher.class);
        String port = context.getEnvironment().getProperty("local.server.port");
        baseUrl = "http://127.0.0.1:" + port;
        socketUrl = "ws://127.0.0.1:" + port + "/ws/rooms";
    }

    public static synchronized ChatroomUnderTest get() {
        if (instance == null) {
            instance = new ChatroomUnderTest();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                instance.context.close();
                instance.jwks.close();
            }));
        }
        return instance;
    }

    public String token(String staffId, String... roles) {
        return jwks.token(staffId, roles.length == 0 ? new String[] {"STAFF"} : roles);
    }

    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    public HttpResponse<String> post(String path, String token, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    /** Posts {@code {"text": text}} as that staff member. */
    public HttpResponse<String> say(String roomId, String token, String text) {
        return post("/api/rooms/" + roomId + "/messages", token, json.writeValueAsString(Map.of("text", text)));
    }

    /** Every message of the room after {@code after}, as that staff member reads them. */
    public List<JsonNode> messages(String roomId, String token, long after) {
        HttpResponse<String> answer = get("/api/rooms/" + roomId + "/messages?after=" + after + "&limit=500", token);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET messages answered " + answer.statusCode() + ": " + answer.body());
        }
        List<JsonNode> all = new ArrayList<>();
        body(answer).forEach(all::add);
        return all;
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    public String code(HttpResponse<String> response) {
        return body(response).path("code").asString();
    }
}
