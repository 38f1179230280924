package io.parley.chatroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.chatroom.ChatroomUnderTest;
import io.parley.chatroom.EnquiryScript;
import io.parley.chatroom.staff.StaffNames;
import io.parley.events.Topics;
import io.parley.events.chat.Participant;
import io.parley.events.chat.RoomClosed;
import io.parley.events.chat.RoomEvent;
import io.parley.events.chat.RoomMessagePosted;
import io.parley.events.chat.RoomOpened;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.testsupport.TopicTap;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The transcript from the enquiry's first message: it becomes the room at the accept without losing or
 * reordering a message, and every message of a room has the next sequence number, whoever writes it.
 */
class TranscriptIT {

    static ChatroomUnderTest chatroom;
    static TopicTap<String, RoomEvent> rooms;

    @BeforeAll
    static void start() {
        chatroom = ChatroomUnderTest.get();
        rooms = TopicTap.on(Topics.CHAT_ROOM);
    }

    @AfterAll
    static void stop() {
        rooms.close();
    }

    @Test
    void customerMessagesBeforeDuringAndAfterTheAcceptAreInTheRoomInOrder() {
        // given a customer who wrote twice while the enquiry waited, and a staff member named Alice
        String alice = "alice-" + UUID.randomUUID();
        chatroom.events.publishAndWait(
                Topics.PRESENCE_STAFF_STATUS,
                alice,
                new StaffStatusChanged(alice, "Alice", null, Availability.ACTIVE, 3, 0, Instant.now()));
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Hello, anyone there?");
        enquiry.customerSays("p-2", "I have a question about shipping");
        awaitNames(alice);

        // when Alice accepts, and the customer writes right after
        String roomId = enquiry.acceptedBy(alice);
        enquiry.customerSays("p-3", "Do you ship to Norway?");

        // then the room holds everything, in order, numbered 1..4 without a gap
        String token = chatroom.token(alice);
        List<JsonNode> messages = await().atMost(Duration.ofSeconds(20))
                .until(() -> chatroom.messages(roomId, token, 0), all -> all.size() == 4);
        assertThat(messages).extracting(m -> m.path("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(messages)
                .extracting(m -> m.path("text").asString())
                .containsExactly(
                        "Hello, anyone there?",
                        "I have a question about shipping",
                        "Alice accepted the enquiry",
                        "Do you ship to Norway?");
        assertThat(messages)
                .extracting(m -> m.path("sender").path("kind").asString())
                .containsExactly("CUSTOMER", "CUSTOMER", "SYSTEM", "CUSTOMER");
        assertThat(messages.getFirst().path("sender").path("id").asString()).isEqualTo(enquiry.customer.externalId());

        // and chat.room.v1 tells the room's opening, with the customer and Alice, and every message
        RoomOpened opened = rooms.await(RoomOpened.class, e -> e.roomId().equals(roomId));
        assertThat(opened.enquiryId()).isEqualTo(enquiry.enquiryId);
        assertThat(opened.conversationKey()).isEqualTo(enquiry.conversation);
        assertThat(opened.participants())
                .containsExactly(
                        new Participant(Participant.Role.CUSTOMER, enquiry.customer.externalId(), "Carol Customer"),
                        new Participant(Participant.Role.STAFF, alice, "Alice"));
        rooms.await(RoomMessagePosted.class, e -> e.roomId().equals(roomId) && e.seq() == 4);
        assertThat(rooms.seen(RoomMessagePosted.class, e -> e.roomId().equals(roomId)))
                .extracting(RoomMessagePosted::seq)
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    @Test
    void aRedeliveredCustomerMessageIsStoredOnce() {
        // given a live room
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Hi");
        String roomId = enquiry.liveWith(chatroom, "bob");

        // when the same platform message arrives twice, then another one
        enquiry.customerSays("p-once", "Only once, please");
        enquiry.customerSays("p-once", "Only once, please");
        enquiry.customerSays("p-marker", "After the redelivery");

        // then it is in the room once
        String token = chatroom.token("bob");
        List<JsonNode> messages = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> chatroom.messages(roomId, token, 0),
                        all -> all.stream()
                                .anyMatch(m -> m.path("text").asString().equals("After the redelivery")));
        assertThat(messages)
                .extracting(m -> m.path("text").asString())
                .containsExactly("Hi", "bob accepted the enquiry", "Only once, please", "After the redelivery");
        assertThat(messages).extracting(m -> m.path("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void concurrentStaffAndCustomerMessagesGetContiguousUniqueSequenceNumbers() throws Exception {
        // given a live room with two messages
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Start");
        String roomId = enquiry.liveWith(chatroom, "dana");
        String token = chatroom.token("dana");
        int each = 50;

        // when the staff member sends 50 messages at once while the customer sends 50
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < each; i++) {
                String text = "staff " + i;
                replies.add(CompletableFuture.supplyAsync(() -> chatroom.say(roomId, token, text), threads));
            }
            for (int i = 0; i < each; i++) {
                enquiry.customerSays("p-burst-" + i, "customer " + i);
            }
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();
        }

        // then every message has its own number, 1..n without a gap, and the customer's keep their order
        assertThat(replies)
                .allSatisfy(reply -> assertThat(reply.join().statusCode()).isEqualTo(201));
        int total = 2 + 2 * each;
        List<JsonNode> messages = await().atMost(Duration.ofSeconds(60))
                .until(() -> chatroom.messages(roomId, token, 0), all -> all.size() >= total);
        assertThat(messages).hasSize(total);
        assertThat(messages)
                .extracting(m -> m.path("seq").asLong())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(replies)
                .extracting(reply -> chatroom.body(reply.join()).path("seq").asLong())
                .doesNotHaveDuplicates();
        List<String> customerTexts = messages.stream()
                .filter(m -> m.path("sender").path("kind").asString().equals("CUSTOMER"))
                .map(m -> m.path("text").asString())
                .toList();
        List<String> expectedCustomer = new ArrayList<>(List.of("Start"));
        for (int i = 0; i < each; i++) {
            expectedCustomer.add("customer " + i);
        }
        assertThat(customerTexts).containsExactlyElementsOf(expectedCustomer);
        assertThat(messages.stream()
                        .filter(m -> m.path("sender").path("kind").asString().equals("STAFF"))
                        .map(m -> m.path("text").asString()))
                .hasSize(each)
                .doesNotHaveDuplicates();
    }

    @Test
    void aFollowedUpEnquiryBecomesARoomWithItsWholeTranscript() {
        // given an enquiry nobody accepted
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Is anyone there?");
        enquiry.customerSays("p-2", "Hello?");

        // when a staff member follows it up
        String roomId = enquiry.missedThenFollowedUpBy("erin");

        // then the room shows the customer's messages and the follow-up
        String token = chatroom.token("erin");
        List<JsonNode> messages = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> chatroom.get("/api/rooms/" + roomId, token).statusCode() == 200
                                ? chatroom.messages(roomId, token, 0)
                                : List.of(),
                        all -> all.size() == 3);
        assertThat(messages)
                .extracting(m -> m.path("text").asString())
                .containsExactly("Is anyone there?", "Hello?", "erin followed up the enquiry");
    }

    @Test
    void closingTheEnquiryClosesItsRoom() {
        // given a live room
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Thanks, that is all");
        String roomId = enquiry.liveWith(chatroom, "frank");

        // when enquiry-service closes the enquiry
        enquiry.closedBy(null);

        // then the room is closed, says so, and chat.room.v1 tells it
        RoomClosed closed = rooms.await(RoomClosed.class, e -> e.roomId().equals(roomId));
        assertThat(closed.enquiryId()).isEqualTo(enquiry.enquiryId);
        String token = chatroom.token("frank");
        assertThat(chatroom.body(chatroom.get("/api/rooms/" + roomId, token))
                        .path("state")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(chatroom.messages(roomId, token, 0).getLast().path("text").asString())
                .isEqualTo("The enquiry was closed");
    }

    private static void awaitNames(String staffId) {
        // The name arrives on another topic than the accept; wait until it is known so the notice can use it.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> chatroom.context
                        .getBean(StaffNames.class)
                        .nameOf(staffId)
                        .isPresent());
    }
}
