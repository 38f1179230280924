package io.parley.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.launcher.LaunchOptions;
import io.parley.launcher.PortPlan;
import io.parley.launcher.Suite;
import io.parley.system.Gateway.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4's journey through the gateway, on the whole suite with the demo data and the real 60 s waiting
 * time: a visitor asks on the "support" tag, both ACTIVE staff of destination Support are offered it,
 * both accept at the same instant — one room, one 409 — messages go both ways in order (one written by the
 * visitor during the accept included), the room closes. A second visitor, whom nobody answers, is MISSED
 * at the 60 s deadline and followed up.
 */
class EnquiryJourneyIT {

    @TempDir
    static Path data;

    static Suite suite;
    static Gateway gateway;
    static String alice;
    static String bob;

    @BeforeAll
    static void start() {
        suite = Suite.start(new LaunchOptions(data, true, null, null, PortPlan.random(), Map.of()));
        gateway = new Gateway(suite.gatewayUrl());
        alice = gateway.login("alice", "parley-alice");
        bob = gateway.login("bob", "parley-bob");
        for (String staff : List.of(alice, bob)) {
            assertThat(gateway.put("/api/presence/me", staff, "{\"status\":\"ACTIVE\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aVisitorIsServedByTheFirstOfTwoRacingStaffAndAnUnansweredOneIsMissedAtSixtySeconds() throws Exception {
        // A visitor nobody will answer: its 60 s run while the rest of the journey happens.
        Visitor ignored = Visitor.start(gateway, "support", "Ignored Iris", "Is anybody there?");
        Instant ignoredAt = Instant.now();
        String ignoredEnquiry = offerFor(alice, "Is anybody there?");

        Visitor vera = Visitor.start(gateway, "support", "Vera", "My parcel has not arrived");
        String enquiryId = offerFor(alice, "My parcel has not arrived");
        await().atMost(Duration.ofSeconds(20)).until(() -> offeredEnquiries(bob).contains(enquiryId));

        CyclicBarrier together = new CyclicBarrier(3);
        CompletableFuture<Response> aliceAccepts =
                CompletableFuture.supplyAsync(() -> acceptTogether(together, alice, enquiryId));
        CompletableFuture<Response> bobAccepts =
                CompletableFuture.supplyAsync(() -> acceptTogether(together, bob, enquiryId));
        CompletableFuture<Response> veraWrites = CompletableFuture.supplyAsync(() -> {
            arrive(together);
            return vera.write("It was due on Monday");
        });

        List<Response> accepts = List.of(aliceAccepts.get(), bobAccepts.get());
        assertThat(veraWrites.get().status()).isEqualTo(201);
        assertThat(accepts).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        Response winner =
                accepts.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        Response loser =
                accepts.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.code()).isEqualTo("enquiry.already-accepted");
        String servedBy = winner == aliceAccepts.get() ? alice : bob;
        String roomId = winner.json().path("roomId").asString();

        // Both customer messages are in the room, in order, numbered without a gap.
        List<String> customerTexts = await().atMost(Duration.ofSeconds(20))
                .until(() -> texts(roomMessages(servedBy, roomId), "CUSTOMER"), t -> t.size() >= 2);
        assertThat(customerTexts).containsExactly("My parcel has not arrived", "It was due on Monday");
        assertContiguous(roomMessages(servedBy, roomId));

        // Staff → visitor, visitor → staff.
        assertThat(gateway.post(
                                "/api/rooms/" + roomId + "/messages",
                                servedBy,
                                "{\"text\":\"Let me check that for you\"}")
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> vera.staffTexts().contains("Let me check that for you"));
        assertThat(vera.write("Thank you!").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> texts(roomMessages(servedBy, roomId), "CUSTOMER").contains("Thank you!"));
        assertThat(texts(roomMessages(servedBy, roomId), "CUSTOMER"))
                .containsExactly("My parcel has not arrived", "It was due on Monday", "Thank you!");
        assertContiguous(roomMessages(servedBy, roomId));

        // Close.
        assertThat(gateway.post("/api/rooms/" + roomId + "/close", servedBy, null)
                        .status())
                .isEqualTo(200);
        assertThat(gateway.post("/api/rooms/" + roomId + "/messages", servedBy, "{\"text\":\"one more\"}")
                        .code())
                .isEqualTo("room.closed");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> enquiryIds(gateway.get("/api/enquiries?state=CLOSED", servedBy))
                        .contains(enquiryId));

        // The unanswered visitor: missed at its deadline (the real 60 s), then followed up by Bob.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> enquiryIds(gateway.get("/api/enquiries?state=MISSED", bob))
                        .contains(ignoredEnquiry));
        assertThat(Duration.between(ignoredAt, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(59));
        assertThat(offeredEnquiries(alice)).doesNotContain(ignoredEnquiry);
        Response followUp = gateway.post("/api/enquiries/" + ignoredEnquiry + "/follow-up", bob, null);
        assertThat(followUp.status()).isEqualTo(200);
        String followUpRoom = followUp.json().path("roomId").asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> texts(roomMessages(bob, followUpRoom), "CUSTOMER").contains("Is anybody there?"));
        assertThat(ignored.conversationId()).isNotBlank();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** Waits for the staff member's Open Enquiry panel to show an enquiry with this preview; returns its id. */
    private static String offerFor(String staff, String preview) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            for (JsonNode offer :
                                    gateway.get("/api/enquiries/offers", staff).json()) {
                                if (preview.equals(offer.path("preview").asString())) {
                                    return offer.path("enquiryId").asString();
                                }
                            }
                            return null;
                        },
                        id -> id != null);
    }

    private static List<String> offeredEnquiries(String staff) {
        List<String> ids = new ArrayList<>();
        gateway.get("/api/enquiries/offers", staff)
                .json()
                .forEach(offer -> ids.add(offer.path("enquiryId").asString()));
        return ids;
    }

    private static Response acceptTogether(CyclicBarrier together, String staff, String enquiryId) {
        arrive(together);
        return gateway.post("/api/enquiries/" + enquiryId + "/accept", staff, null);
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode roomMessages(String staff, String roomId) {
        return gateway.get("/api/rooms/" + roomId + "/messages?after=0", staff).json();
    }

    private static List<String> texts(JsonNode messages, String senderKind) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> {
            if (senderKind.equals(m.path("sender").path("kind").asString())) {
                texts.add(m.path("text").asString());
            }
        });
        return texts;
    }

    private static void assertContiguous(JsonNode messages) {
        List<Long> seqs = new ArrayList<>();
        messages.forEach(m -> seqs.add(m.path("seq").asLong()));
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq of message %d", i).isEqualTo(i + 1L);
        }
    }

    private static List<String> enquiryIds(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** A visitor on the demo widget. */
    record Visitor(Gateway gateway, String conversationId, String token) {

        static Visitor start(Gateway gateway, String tag, String name, String text) {
            Response started = gateway.post(
                    "/api/widget/demo/conversations",
                    null,
                    Gateway.JSON.writeValueAsString(Map.of(
                            "entry", Map.of("type", "TAG", "id", tag), "visitor", Map.of("name", name), "text", text)));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            return new Visitor(
                    gateway,
                    started.json().path("conversationId").asString(),
                    started.json().path("visitorToken").asString());
        }

        Response write(String text) {
            return gateway.post("/api/visitor/messages", token, Gateway.JSON.writeValueAsString(Map.of("text", text)));
        }

        List<String> staffTexts() {
            List<String> texts = new ArrayList<>();
            gateway.get("/api/visitor/messages?after=0", token).json().forEach(m -> {
                if ("STAFF".equals(m.path("from").asString())) {
                    texts.add(m.path("text").asString());
                }
            });
            return texts;
        }
    }
}
