package io.parley.enquiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.events.chat.RoomClosed;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.events.enquiry.EnquiryClosed;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.enquiry.EnquiryFollowedUp;
import io.parley.events.enquiry.EnquiryMessageAdded;
import io.parley.events.enquiry.EnquiryMissed;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.events.routing.OffersCreated;
import io.parley.events.routing.OffersWithdrawn;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * enquiry-service on the in-process broker and store, driven through its events and its HTTP API: one
 * enquiry per conversation, first accept wins, missed at the deadline, follow-up, closing.
 */
class EnquiryLifecycleIT {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    static LocalJwks jwks;
    static ConfigurableApplicationContext service;
    static EventPublisher events;
    static TopicTap<String, EnquiryEvent> lifecycle;
    static String baseUrl;

    @BeforeAll
    static void start() {
        jwks = LocalJwks.start();
        service = EnquiryServiceApplication.application()
                .run(TestInfrastructure.serviceArgs(
                        "enquiry-lifecycle-it",
                        "--parley.auth.jwks-uri=" + jwks.uri(),
                        "--parley.enquiry.default-max-wait=30s",
                        "--parley.enquiry.offer-grace=500ms"));
        events = service.getBean(EventPublisher.class);
        baseUrl = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
        lifecycle = TopicTap.on(Topics.ENQUIRY_LIFECYCLE);
    }

    @AfterAll
    static void stop() {
        lifecycle.close();
        service.close();
        jwks.close();
    }

    @Test
    void aBurstOfMessagesFromANewCustomerOpensExactlyOneEnquiry() {
        ConversationKey conversation = newConversation();

        for (int i = 0; i < 5; i++) {
            send(conversation, "m" + i, "message " + i);
        }

        EnquiryOpened opened =
                lifecycle.await(EnquiryOpened.class, e -> e.conversationKey().equals(conversation));
        lifecycle.await(
                EnquiryMessageAdded.class,
                e -> e.conversationKey().equals(conversation)
                        && e.message().platformMessageId().equals("m4"));
        assertThat(lifecycle.seen(EnquiryOpened.class, e -> e.conversationKey().equals(conversation)))
                .hasSize(1);
        assertThat(opened.firstMessage().text()).isEqualTo("message 0");
        assertThat(opened.type()).isEqualTo(EnquiryType.BROADCAST);
        assertThat(opened.tagId()).isEqualTo("sales");
        assertThat(Duration.between(opened.openedAt(), opened.deadline())).isEqualTo(Duration.ofSeconds(30));
        assertThat(lifecycle.seen(
                        EnquiryMessageAdded.class, e -> e.conversationKey().equals(conversation)))
                .extracting(e -> e.message().platformMessageId())
                .containsExactly("m1", "m2", "m3", "m4");
    }

    @Test
    void aRedeliveredMessageChangesNothing() {
        ConversationKey conversation = newConversation();
        send(conversation, "once", "hello");
        send(conversation, "once", "hello");
        send(conversation, "marker", "after the redelivery");

        lifecycle.await(
                EnquiryMessageAdded.class,
                e -> e.conversationKey().equals(conversation)
                        && e.message().platformMessageId().equals("marker"));

        assertThat(lifecycle.seen(EnquiryOpened.class, e -> e.conversationKey().equals(conversation)))
                .hasSize(1);
        assertThat(lifecycle.seen(
                        EnquiryMessageAdded.class, e -> e.conversationKey().equals(conversation)))
                .extracting(e -> e.message().platformMessageId())
                .containsExactly("marker");
    }

    @Test
    void twoStaffAcceptingAtTheSameInstantGetOneRoomAndOneConflict() throws Exception {
        String enquiry = openEnquiry();
        offer(enquiry, "alice");
        offer(enquiry, "bob");
        awaitOffered(enquiry, "alice", "bob");

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<HttpResponse<String>> alice =
                CompletableFuture.supplyAsync(() -> acceptTogether(together, enquiry, "alice"));
        CompletableFuture<HttpResponse<String>> bob =
                CompletableFuture.supplyAsync(() -> acceptTogether(together, enquiry, "bob"));

        List<HttpResponse<String>> answers = List.of(alice.get(), bob.get());
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> conflict =
                answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(code(conflict)).isEqualTo("enquiry.already-accepted");
        assertThat(conflict.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        HttpResponse<String> winner =
                answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        String roomId = json.readTree(winner.body()).path("roomId").asString();
        EnquiryAccepted accepted =
                lifecycle.await(EnquiryAccepted.class, e -> e.enquiryId().equals(enquiry));
        assertThat(accepted.roomId()).isEqualTo(roomId);
        assertThat(lifecycle.seen(EnquiryAccepted.class, e -> e.enquiryId().equals(enquiry)))
                .hasSize(1);
    }

    @Test
    void acceptingTwiceIsAConflictThatChangesNothing() {
        String enquiry = openEnquiry();
        offer(enquiry, "alice");
        awaitOffered(enquiry, "alice");
        assertThat(post("/api/enquiries/" + enquiry + "/accept", "alice").statusCode())
                .isEqualTo(200);

        HttpResponse<String> again = post("/api/enquiries/" + enquiry + "/accept", "alice");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("enquiry.already-accepted");
        assertThat(lifecycle.seen(EnquiryAccepted.class, e -> e.enquiryId().equals(enquiry)))
                .hasSize(1);
    }

    @Test
    void anAcceptThatOvertakesItsOfferIsNotRefused() throws Exception {
        String enquiry = openEnquiry();

        CompletableFuture<HttpResponse<String>> accept =
                CompletableFuture.supplyAsync(() -> post("/api/enquiries/" + enquiry + "/accept", "carol"));
        // The staff member clicked before enquiry-service saw the offer: the accept waits for it.
        org.awaitility.Awaitility.await()
                .during(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(2))
                .until(() -> !accept.isDone());
        offer(enquiry, "carol");

        assertThat(accept.get().statusCode()).isEqualTo(200);
    }

    @Test
    void anOfferWithdrawnWhileTheEnquiryWaitsCanNoLongerBeAccepted() {
        String enquiry = openEnquiry();
        offer(enquiry, "dave");
        offer(enquiry, "erin");
        awaitOffered(enquiry, "dave", "erin");

        events.publishAndWait(
                Topics.ROUTING_OFFER,
                enquiry,
                new OffersWithdrawn(List.of("dave"), enquiry, OfferWithdrawn.Reason.NOT_ELIGIBLE, Instant.now()));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> offeredTo(enquiry).equals(List.of("erin")));
        HttpResponse<String> answer = post("/api/enquiries/" + enquiry + "/accept", "dave");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(code(answer)).isEqualTo("enquiry.not-offered");
        assertThat(post("/api/enquiries/" + enquiry + "/accept", "erin").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAcceptByStaffNotOfferedTheEnquiryIsRefused() {
        String enquiry = openEnquiry();

        HttpResponse<String> answer = post("/api/enquiries/" + enquiry + "/accept", "mallory");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(code(answer)).isEqualTo("enquiry.not-offered");
    }

    @Test
    void anUnknownEnquiryIsNotFound() {
        HttpResponse<String> answer = post("/api/enquiries/enq-nope/accept", "alice");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(code(answer)).isEqualTo("enquiry.not-found");
    }

    @Test
    void withoutATokenNothingIsAccepted() throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/enquiries/x/accept"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void anEnquiryMissedAtItsDeadlineCannotBeAcceptedButCanBeFollowedUpOnce() {
        String enquiry = openEnquiry();
        offer(enquiry, "alice");
        awaitOffered(enquiry, "alice");
        EnquiryOpened opened =
                lifecycle.await(EnquiryOpened.class, e -> e.enquiryId().equals(enquiry));

        events.publishAndWait(
                Topics.ROUTING_TIMEOUT,
                enquiry,
                new EnquiryWaitExpired(enquiry, opened.conversationKey(), opened.deadline(), Instant.now()));
        lifecycle.await(EnquiryMissed.class, e -> e.enquiryId().equals(enquiry));

        HttpResponse<String> late = post("/api/enquiries/" + enquiry + "/accept", "alice");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(code(late)).isEqualTo("enquiry.expired");
        HttpResponse<String> missedList = get("/api/enquiries?state=MISSED&size=100", "bob");
        assertThat(json.readTree(missedList.body()).path("items").findValuesAsString("id"))
                .contains(enquiry);

        HttpResponse<String> followUp = post("/api/enquiries/" + enquiry + "/follow-up", "bob");
        assertThat(followUp.statusCode()).isEqualTo(200);
        EnquiryFollowedUp followed =
                lifecycle.await(EnquiryFollowedUp.class, e -> e.enquiryId().equals(enquiry));
        assertThat(followed.staffId()).isEqualTo("bob");
        assertThat(followed.roomId())
                .isEqualTo(json.readTree(followUp.body()).path("roomId").asString());
        HttpResponse<String> twice = post("/api/enquiries/" + enquiry + "/follow-up", "alice");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(code(twice)).isEqualTo("enquiry.not-missed");
    }

    @Test
    void aClosedRoomClosesItsEnquiryAndTheNextMessageOpensANewOne() {
        ConversationKey conversation = newConversation();
        send(conversation, "first", "hello");
        String enquiry = lifecycle
                .await(EnquiryOpened.class, e -> e.conversationKey().equals(conversation))
                .enquiryId();
        offer(enquiry, "alice");
        awaitOffered(enquiry, "alice");
        String roomId = json.readTree(
                        post("/api/enquiries/" + enquiry + "/accept", "alice").body())
                .path("roomId")
                .asString();

        events.publishAndWait(Topics.CHAT_ROOM, roomId, new RoomClosed(roomId, enquiry, "alice", Instant.now()));
        lifecycle.await(EnquiryClosed.class, e -> e.enquiryId().equals(enquiry));
        send(conversation, "again", "one more question");

        EnquiryOpened next = lifecycle.await(
                EnquiryOpened.class,
                e -> e.conversationKey().equals(conversation) && !e.enquiryId().equals(enquiry));
        assertThat(next.firstMessage().text()).isEqualTo("one more question");
    }

    @Test
    void anUnknownStateFilterIsABadRequest() {
        HttpResponse<String> answer = get("/api/enquiries?state=LOST", "alice");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("enquiry.unknown-state");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static ConversationKey newConversation() {
        return new ConversationKey(Channel.WEB, "demo", "visitor-" + UUID.randomUUID());
    }

    private static String openEnquiry() {
        ConversationKey conversation = newConversation();
        send(conversation, "m-" + UUID.randomUUID(), "Do you ship abroad?");
        return lifecycle
                .await(EnquiryOpened.class, e -> e.conversationKey().equals(conversation))
                .enquiryId();
    }

    private static void send(ConversationKey conversation, String messageId, String text) {
        Instant now = Instant.now();
        events.publishAndWait(
                Topics.CHANNEL_INBOUND_MESSAGE,
                conversation,
                new InboundMessageReceived(
                        conversation,
                        Channel.WEB,
                        "demo",
                        EntryPoint.of(EntryPoint.Type.TAG, "sales"),
                        "sales",
                        new Customer(conversation.externalUserId(), "Visitor", null, null),
                        messageId,
                        text,
                        List.of(),
                        now,
                        now));
    }

    private static void offer(String enquiryId, String staffId) {
        EnquiryOpened opened =
                lifecycle.await(EnquiryOpened.class, e -> e.enquiryId().equals(enquiryId));
        events.publishAndWait(
                Topics.ROUTING_OFFER,
                enquiryId,
                new OffersCreated(
                        List.of(staffId),
                        enquiryId,
                        opened.type(),
                        opened.channel(),
                        opened.channelAccountId(),
                        opened.entryPoint(),
                        opened.customer(),
                        "Do you ship abroad?",
                        Instant.now(),
                        opened.deadline()));
    }

    private static List<?> offeredTo(String enquiryId) {
        JsonNode items = json.readTree(get("/api/enquiries?state=OPEN&size=100", "admin-1", "ADMIN")
                        .body())
                .path("items");
        for (JsonNode item : items) {
            if (item.path("id").asString().equals(enquiryId)) {
                return json.convertValue(item.path("offeredTo"), List.class);
            }
        }
        return List.of();
    }

    private static void awaitOffered(String enquiryId, String... staffIds) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode items = json.readTree(get("/api/enquiries?state=OPEN&size=100", "admin-1", "ADMIN")
                            .body())
                    .path("items");
            for (JsonNode item : items) {
                if (item.path("id").asString().equals(enquiryId)) {
                    return item.path("offeredTo")
                                    .findValuesAsString("offeredTo")
                                    .isEmpty()
                            && json.convertValue(item.path("offeredTo"), List.class)
                                    .containsAll(List.of(staffIds));
                }
            }
            return false;
        });
    }

    private static HttpResponse<String> acceptTogether(CyclicBarrier together, String enquiryId, String staffId) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return post("/api/enquiries/" + enquiryId + "/accept", staffId);
    }

    private static HttpResponse<String> post(String path, String staffId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + jwks.token(staffId, "STAFF"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static HttpResponse<String> get(String path, String staffId, String... roles) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header(
                        "Authorization",
                        "Bearer " + jwks.token(staffId, roles.length == 0 ? new String[] {"STAFF"} : roles))
                .GET()
                .build());
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
