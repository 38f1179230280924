package io.parley.ingest;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.DeliveryStatus;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.DeliveryStatusEvent;
import io.parley.events.channel.InboundMessageEvent;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.events.enquiry.CustomerMessage;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DistributionMethod;
import io.parley.events.routing.TagPublished;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
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
import java.util.Arrays;
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

    @Autowired
    protected ChannelAccounts accounts;

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

    // --- channel accounts and the outside platforms ----------------------------------------------------

    /** A WireMock server on a free port standing in for an outside platform's API, stopped when the JVM ends. */
    protected static WireMockServer startPlatformStub() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::stop));
        return server;
    }

    /** Saves an enabled account with no per-tag welcomes and no custom info fields. */
    protected ChannelAccount givenChannelAccount(
            String id,
            Channel channel,
            String name,
            Map<String, String> secrets,
            Map<String, String> settings,
            @Nullable String platformBaseUrl,
            @Nullable String welcome) {
        return accounts.save(new ChannelAccount(
                id,
                channel,
                name,
                true,
                secrets,
                settings,
                platformBaseUrl,
                welcome,
                Map.of(),
                List.of(),
                Instant.now()));
    }

    // --- channel events ----------------------------------------------------------------------------------

    /** A staff reply from Alice in room {@code room-7} at sequence 3, not yet published. */
    protected static OutboundMessageRequested outbound(ConversationKey key, String text) {
        return outbound(key, "room-7", 3L, Sender.staff("alice", "Alice"), text);
    }

    /** A reply without attachments from this sender, as chatroom would request it, not yet published. */
    protected static OutboundMessageRequested outbound(
            ConversationKey key, String roomId, long roomSeq, Sender sender, String text) {
        return new OutboundMessageRequested(
                "out-" + UUID.randomUUID(),
                key,
                OutboundMessageRequested.Purpose.REPLY,
                roomId,
                roomSeq,
                sender,
                text,
                List.of(),
                Instant.now());
    }

    /** Publishes {@link #outbound a staff reply}; returns its outbound message id. */
    protected String reply(ConversationKey key, String text) {
        OutboundMessageRequested request = outbound(key, text);
        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, request);
        return request.outboundMessageId();
    }

    /** The enquiry opened for a customer who wrote "hi" through this account. */
    protected static EnquiryOpened opened(String enquiryId, ConversationKey key, ChannelAccount account) {
        return opened(enquiryId, key, account.name(), new Customer(key.externalUserId(), null, null, null), "hi");
    }

    /** A broadcast enquiry opened on the conversation's account, untagged, waiting 60 seconds. */
    protected static EnquiryOpened opened(
            String enquiryId, ConversationKey key, String entryName, Customer customer, String firstText) {
        Instant now = Instant.now();
        return new EnquiryOpened(
                enquiryId,
                key,
                key.channel(),
                key.accountId(),
                EnquiryType.BROADCAST,
                new EntryPoint(EntryPoint.Type.CHANNEL, key.accountId(), entryName),
                null,
                customer,
                new CustomerMessage("m_first", firstText, List.of(), now),
                now,
                now.plusSeconds(60));
    }

    /**
     * Publishes, as enquiry-service would, that an enquiry opened on this conversation of the account; returns
     * the outbound message id its welcome message, if the account has one, is reported under.
     */
    protected String openEnquiry(ConversationKey key, ChannelAccount account) {
        String enquiryId = "enq-" + UUID.randomUUID();
        events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, enquiryId, opened(enquiryId, key, account));
        return "welcome:" + enquiryId;
    }

    /** A webhook body one byte over the 1 MiB every webhook endpoint accepts. */
    protected static byte[] overOneMebibyte() {
        byte[] body = new byte[1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        return body;
    }

    protected static DeliveryStatusChanged awaitStatus(String outboundMessageId, DeliveryStatus status) {
        return awaitStatus(outboundMessageId, status, WAIT);
    }

    protected static DeliveryStatusChanged awaitStatus(
            String outboundMessageId, DeliveryStatus status, Duration within) {
        return STATUSES.await(
                DeliveryStatusChanged.class,
                s -> s.outboundMessageId().equals(outboundMessageId) && s.status() == status,
                within);
    }

    /** The inbound message with this platform id, whichever account it came through. */
    protected static InboundMessageReceived awaitInbound(String platformMessageId) {
        return awaitInbound(platformMessageId, WAIT);
    }

    protected static InboundMessageReceived awaitInbound(String platformMessageId, Duration within) {
        return INBOUND.await(
                InboundMessageReceived.class, m -> m.platformMessageId().equals(platformMessageId), within);
    }

    /** The inbound message with this platform id that came through this account. */
    protected static InboundMessageReceived awaitInbound(ChannelAccount account, String platformMessageId) {
        return INBOUND.await(
                InboundMessageReceived.class,
                m -> m.channelAccountId().equals(account.id())
                        && m.platformMessageId().equals(platformMessageId));
    }
}
