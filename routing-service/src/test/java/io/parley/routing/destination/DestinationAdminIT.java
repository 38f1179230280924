package io.parley.routing.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.Topics;
import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.routing.DestinationEvent;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DestinationRemoved;
import io.parley.events.routing.TagPublished;
import io.parley.kit.kafka.EventPublisher;
import io.parley.routing.RoutingServiceApplication;
import io.parley.security.LocalJwks;
import io.parley.testsupport.TestInfrastructure;
import io.parley.testsupport.TopicTap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API of destinations and tags: admins write, bad input is refused with a code and changes nothing. */
class DestinationAdminIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ALICE = "alice-" + RUN;
    private static final String BOB = "bob-" + RUN;
    private static final String PAGE = "page-" + RUN;

    @TempDir
    static Path stateDir;

    static LocalJwks jwks;
    static ConfigurableApplicationContext routing;
    static TopicTap<String, DestinationEvent> destinations;
    static String baseUrl;

    @BeforeAll
    static void start() {
        jwks = LocalJwks.start();
        routing = RoutingServiceApplication.application()
                .run(TestInfrastructure.serviceArgs(
                        "routing-admin-" + RUN,
                        "--parley.routing.state-dir=" + stateDir,
                        "--parley.routing.application-id=routing-admin-" + RUN,
                        "--parley.auth.jwks-uri=" + jwks.uri()));
        baseUrl = "http://127.0.0.1:" + routing.getEnvironment().getProperty("local.server.port");
        destinations = TopicTap.on(Topics.ROUTING_DESTINATION);
        EventPublisher events = routing.getBean(EventPublisher.class);
        for (String staff : List.of(ALICE, BOB)) {
            events.publishAndWait(
                    Topics.PRESENCE_STAFF_STATUS,
                    staff,
                    new StaffStatusChanged(staff, staff, null, Availability.OFFLINE, 5, 0, Instant.now()));
        }
        events.publishAndWait(
                Topics.CHANNEL_ACCOUNT,
                PAGE,
                new ChannelAccountPublished(PAGE, Channel.FACEBOOK, "Page", true, List.of(), Instant.now()));
        // routing learns staff and channel accounts from their topics; wait until it knows them
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> post(
                                        "/api/admin/destinations",
                                        destination("Probe " + RUN, List.of(ALICE, BOB), List.of(), List.of(PAGE)),
                                        "ADMIN")
                                .statusCode()
                        == 201);
    }

    @AfterAll
    static void stop() {
        destinations.close();
        routing.close();
        jwks.close();
    }

    @Test
    void anAdminCreatesATagAndADestinationServingItAndBothArePublished() {
        String tagId = json.readTree(post(
                                "/api/admin/tags",
                                "{\"name\":\"Billing " + RUN + "\",\"description\":\"Invoices\"}",
                                "ADMIN")
                        .body())
                .path("id")
                .asString();

        HttpResponse<String> created = post(
                "/api/admin/destinations",
                destination("Billing team " + RUN, List.of(ALICE), List.of(tagId), List.of(PAGE)),
                "ADMIN");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String id = body.path("id").asString();
        assertThat(body.path("maxWaitSeconds").asLong()).isEqualTo(60);
        DestinationPublished published = destinations.await(
                DestinationPublished.class, d -> d.destinationId().equals(id));
        assertThat(published.memberStaffIds()).containsExactly(ALICE);
        assertThat(published.tagIds()).containsExactly(tagId);
        assertThat(published.maxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(destinations
                        .await(TagPublished.class, t -> t.tagId().equals(tagId))
                        .name())
                .isEqualTo("Billing " + RUN);
    }

    @Test
    void aDestinationNamingAnUnknownStaffMemberIsRefusedAndNothingIsPublished() {
        String name = "Ghosts " + RUN;

        HttpResponse<String> answer = post(
                "/api/admin/destinations",
                destination(name, List.of(ALICE, "nobody-" + RUN), List.of(), List.of()),
                "ADMIN");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("destination.unknown-staff");
        assertThat(json.readTree(answer.body()).path("title").asString()).contains("nobody-" + RUN);
        assertThat(destinations.seen(DestinationPublished.class, d -> d.name().equals(name)))
                .isEmpty();
    }

    @Test
    void unknownTagsAndChannelAccountsAreRefused() {
        assertThat(code(post(
                        "/api/admin/destinations",
                        destination("T " + RUN, List.of(), List.of("no-tag"), List.of()),
                        "ADMIN")))
                .isEqualTo("destination.unknown-tag");
        assertThat(code(post(
                        "/api/admin/destinations",
                        destination("C " + RUN, List.of(), List.of(), List.of("no-page")),
                        "ADMIN")))
                .isEqualTo("destination.unknown-channel-account");
        assertThat(code(post("/api/admin/tags", "{\"name\":\"Orphan\",\"destinationId\":\"no-such\"}", "ADMIN")))
                .isEqualTo("tag.unknown-destination");
    }

    @Test
    void onlySimultaneousDistributionAndASensibleWaitAreAccepted() {
        String roundRobin = "{\"name\":\"RR " + RUN + "\",\"distribution\":\"ROUND_ROBIN\"}";
        String tooShort = "{\"name\":\"Quick " + RUN + "\",\"maxWaitSeconds\":5}";

        assertThat(code(post("/api/admin/destinations", roundRobin, "ADMIN")))
                .isEqualTo("destination.distribution-unsupported");
        assertThat(code(post("/api/admin/destinations", tooShort, "ADMIN"))).isEqualTo("destination.invalid-max-wait");
    }

    @Test
    void staffMayNotChangeDestinations() {
        HttpResponse<String> answer =
                post("/api/admin/destinations", destination("Mine " + RUN, List.of(), List.of(), List.of()), "STAFF");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(code(answer)).isEqualTo("auth.forbidden");
    }

    @Test
    void malformedJsonAndABlankNameAreBadRequests() {
        assertThat(code(post("/api/admin/destinations", "{\"name\":", "ADMIN"))).isEqualTo("request.malformed");
        assertThat(code(post("/api/admin/destinations", "{\"name\":\"  \"}", "ADMIN")))
                .isEqualTo("request.invalid");
    }

    @Test
    void aDeletedDestinationIsAnnouncedAndGone() {
        String id = json.readTree(post(
                                "/api/admin/destinations",
                                destination("Short-lived " + RUN, List.of(BOB), List.of(), List.of()),
                                "ADMIN")
                        .body())
                .path("id")
                .asString();

        HttpResponse<String> deleted =
                send(request("/api/admin/destinations/" + id, "ADMIN").DELETE().build());

        assertThat(deleted.statusCode()).isEqualTo(204);
        destinations.await(DestinationRemoved.class, d -> d.destinationId().equals(id));
        HttpResponse<String> gone =
                send(request("/api/admin/destinations/" + id, "ADMIN").GET().build());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(code(gone)).isEqualTo("destination.not-found");
    }

    private static String destination(String name, List<String> members, List<String> tags, List<String> accounts) {
        return json.writeValueAsString(new java.util.LinkedHashMap<>(java.util.Map.of(
                "name",
                name,
                "memberStaffIds",
                members,
                "tagIds",
                tags,
                "channelAccountIds",
                accounts,
                "servesDirectEnquiries",
                true)));
    }

    private static HttpResponse<String> post(String path, String body, String role) {
        return send(request(path, role)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpRequest.Builder request(String path, String role) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + jwks.token(role.toLowerCase() + "-" + RUN, role));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(HttpResponse<String> response) {
        return json.readTree(response.body()).path("code").asString();
    }
}
