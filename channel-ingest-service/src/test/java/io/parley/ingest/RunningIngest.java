package io.parley.ingest;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.ConversationKey;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusEvent;
import io.parley.events.channel.InboundMessageEvent;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DistributionMethod;
import io.parley.events.routing.TagPublished;
import io.parley.ingest.directory.Directory;
import io.parley.ingest.web.WebEntryPoints;
import io.parley.ingest.web.WebLink;
import io.parley.ingest.web.Widget;
import io.parley.kit.kafka.EventPublisher;
import io.parley.security.LocalJwks;
import io.parley.testsupport.TestInfrastructure;
import io.parley.testsupport.TopicTap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real channel-ingest-service on a random port, on the shared test broker and store, with staff tokens from
 * a local key set. Every test class extending it shares the one application context; each test makes its own
 * tags, staff, widgets and links under fresh ids.
 */
@SpringBootTest(
        classes = ChannelIngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=channel-ingest-service",
            "parley.mongo.database=channel-ingest-it",
            "parley.channel-ingest.public-base-url=https://chat.example.test"
        })
public abstract class RunningIngest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration WAIT = Duration.ofSeconds(20);
    protected static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    protected static final LocalJwks JWKS = LocalJwks.start();
    protected static final TopicTap<ConversationKey, InboundMessageEvent> INBOUND =
            TopicTap.on(Topics.CHANNEL_INBOUND_MESSAGE);
    protected static final TopicTap<ConversationKey, DeliveryStatusEvent> STATUSES =
            TopicTap.on(Topics.CHANNEL_DELIVERY_STATUS);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("management.server.port", TestInfrastructure::freePort);
        registry.add("parley.auth.jwks-uri", () -> JWKS.uri().toString());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventPublisher events;

    @Autowired
    protected Directory directory;

    @Autowired
    protected WebEntryPoints web;

    @Autowired
    protected MeterRegistry meters;

    // --- directory data, as routing and presence publish it -----------------------------------------

    protected static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A tag that routing has published, once this service knows it. */
    protected String givenTag(String name) {
        String id = fresh("tag");
        events.publishAndWait(
                Topics.ROUTING_DESTINATION,
                id,
                new TagPublished(id, name, "About " + name, "https://img.example/" + id + ".png", null, Instant.now()));
        await().atMost(WAIT).until(() -> directory.tag(id).isPresent());
        return id;
    }

    /** A staff member's presence snapshot, once this service has it. */
    protected void givenStaff(String staffId, String name, Availability status, int max, int active) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        events.publishAndWait(
                Topics.PRESENCE_STAFF_STATUS,
                staffId,
                new StaffStatusChanged(
                        staffId, name, "https://img.example/" + staffId + ".png", status, max, active, at));
        await().atMost(WAIT)
                .until(() -> directory
                        .staff(staffId)
                        .filter(s -> s.updatedAt().equals(at))
                        .isPresent());
    }

    /** A destination with these members, once this service knows it. */
    protected String givenDestination(boolean servesDirectEnquiries, List<String> members) {
        String id = fresh("dest");
        events.publishAndWait(
                Topics.ROUTING_DESTINATION,
                id,
                new DestinationPublished(
                        id,
                        "Destination " + id,
                        members,
                        List.of(),
                        List.of(),
                        servesDirectEnquiries,
                        DistributionMethod.SIMULTANEOUS,
                        Duration.ofSeconds(60),
                        Instant.now()));
        if (servesDirectEnquiries) {
            await().atMost(WAIT)
                    .until(() -> members.stream()
                            .allMatch(m -> directory.directStaff(m).isPresent()));
        }
        return id;
    }

    protected Widget givenWidget(List<String> tagIds, boolean staffDirectory, @Nullable String ctaTagId) {
        Widget widget = new Widget(
                fresh("widget"), "Widget", tagIds, staffDirectory, ctaTagId, ctaTagId == null ? null : "Talk to us");
        web.save(widget);
        return widget;
    }

    protected WebLink givenLink(String widgetId, String tagId, String title) {
        WebLink link = new WebLink(fresh("link"), title, tagId, widgetId);
        web.save(link);
        return link;
    }

    // --- HTTP -------------------------------------------------------------------------------------

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(WAIT)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, @Nullable String token) {
        return send("GET", path, token, null);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String code(HttpResponse<String> response) {
        return json(response).path("code").asString();
    }

    protected static String body(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The body of {@code POST /api/widget/{id}/conversations}. */
    protected static String startBody(
            String type, @Nullable String id, @Nullable String name, @Nullable String email, @Nullable String text) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", type);
        entry.put("id", id);
        Map<String, Object> visitor = new LinkedHashMap<>();
        visitor.put("name", name);
        visitor.put("email", email);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("entry", entry);
        request.put("visitor", visitor);
        request.put("text", text);
        return body(request);
    }

    /** A started conversation: its id and the visitor's token. */
    protected record Conversation(String id, String token) {}

    protected Conversation start(String widgetId, String type, @Nullable String id, String text) {
        HttpResponse<String> response = send(
                "POST", "/api/widget/" + widgetId + "/conversations", null, startBody(type, id, "Ann", null, text));
        if (response.statusCode() != 201) {
            throw new AssertionError("start failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode started = json(response);
        return new Conversation(
                started.path("conversationId").asString(),
                started.path("visitorToken").asString());
    }

    /** How many inbound messages this service has had acknowledged so far. */
    protected double inboundPublished() {
        return meters
                .find("parley.events.published")
                .tag("topic", Topics.CHANNEL_INBOUND_MESSAGE.name())
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    protected static String admin() {
        return JWKS.token("admin-1", "ADMIN");
    }
}
