package io.parley.chatroom.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.chatroom.ChatroomUnderTest;
import io.parley.chatroom.EnquiryScript;
import io.parley.events.Channel;
import io.parley.events.Topics;
import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.channel.ChannelAccountPublished.CustomInfoField;
import io.parley.events.chat.RoomClosed;
import io.parley.events.chat.RoomEvent;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.testsupport.TopicTap;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The room API of API.md: who may read and write a room, its answers, and every bad request's clear code. */
class RoomApiIT {

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
    void aParticipantWritesAndReadsTheRoomInSeqOrder() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Hello");
        String roomId = enquiry.liveWith(chatroom, "gina");
        String token = chatroom.token("gina");

        HttpResponse<String> first = chatroom.say(roomId, token, "  Hi Carol, how can I help?  ");
        HttpResponse<String> second = chatroom.say(roomId, token, "Still there?");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(chatroom.body(first).path("seq").asLong()).isEqualTo(3);
        assertThat(chatroom.body(second).path("seq").asLong()).isEqualTo(4);
        List<JsonNode> after2 = chatroom.messages(roomId, token, 2);
        assertThat(after2).extracting(m -> m.path("seq").asLong()).containsExactly(3L, 4L);
        JsonNode reply = after2.getFirst();
        assertThat(reply.path("text").asString()).isEqualTo("Hi Carol, how can I help?");
        assertThat(reply.path("sender").path("kind").asString()).isEqualTo("STAFF");
        assertThat(reply.path("sender").path("id").asString()).isEqualTo("gina");
        assertThat(reply.path("sender").path("name").asString()).isEqualTo("Staff gina");
        assertThat(reply.path("status").asString()).isEqualTo("PENDING");
        assertThat(reply.path("sentAt").asString()).isNotBlank();
        assertThat(reply.path("attachments").isArray()).isTrue();
    }

    @Test
    void theLimitBoundsAPageOfMessages() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "one");
        String roomId = enquiry.liveWith(chatroom, "gina");
        String token = chatroom.token("gina");
        chatroom.say(roomId, token, "three");
        chatroom.say(roomId, token, "four");

        HttpResponse<String> page = chatroom.get("/api/rooms/" + roomId + "/messages?after=1&limit=2", token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(chatroom.body(page).findValuesAsString("text"))
                .containsExactly("gina accepted the enquiry", "three");
    }

    @Test
    void aRoomShowsItsCustomerParticipantsAndChannelInfo() {
        String account = "line-" + UUID.randomUUID();
        chatroom.events.publishAndWait(
                Topics.CHANNEL_ACCOUNT,
                account,
                new ChannelAccountPublished(
                        account,
                        Channel.LINE,
                        "Shop on LINE",
                        true,
                        List.of(new CustomInfoField("Subscription", "Gold")),
                        Instant.now()));
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, Channel.LINE, account, "Hi from LINE");
        String roomId = enquiry.liveWith(chatroom, "hank");
        String token = chatroom.token("hank");

        JsonNode room = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> chatroom.body(chatroom.get("/api/rooms/" + roomId, token)),
                        body -> !body.path("channelInfo").isNull()
                                && !body.path("channelInfo").isMissingNode());

        assertThat(room.path("roomId").asString()).isEqualTo(roomId);
        assertThat(room.path("enquiryId").asString()).isEqualTo(enquiry.enquiryId);
        assertThat(room.path("state").asString()).isEqualTo("OPEN");
        assertThat(room.path("channel").asString()).isEqualTo("LINE");
        assertThat(room.path("customer").path("id").asString()).isEqualTo(enquiry.customer.externalId());
        assertThat(room.path("customer").path("name").asString()).isEqualTo("Carol Customer");
        assertThat(room.path("participants").findValuesAsString("id"))
                .containsExactly(enquiry.customer.externalId(), "hank");
        assertThat(room.path("channelInfo").path("name").asString()).isEqualTo("Shop on LINE");
        assertThat(room.path("channelInfo")
                        .path("customInfo")
                        .get(0)
                        .path("value")
                        .asString())
                .isEqualTo("Gold");
    }

    @Test
    void myRoomsListsOpenRoomsFirstWithTheLastMessageAndWhatIHaveNotRead() {
        String staff = "ivy-" + UUID.randomUUID();
        String token = chatroom.token(staff);
        EnquiryScript older = EnquiryScript.open(chatroom.events, "older");
        String closedRoom = older.liveWith(chatroom, staff);
        assertThat(chatroom.post("/api/rooms/" + closedRoom + "/close", token, "")
                        .statusCode())
                .isEqualTo(200);
        EnquiryScript newer = EnquiryScript.open(chatroom.events, "newer");
        String openRoom = newer.liveWith(chatroom, staff);
        chatroom.messages(openRoom, token, 0);
        newer.customerSays("p-unread-1", "are you there?");
        newer.customerSays("p-unread-2", "hello?");

        JsonNode mine = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> chatroom.body(chatroom.get("/api/rooms", token)),
                        list -> list.size() == 2 && list.get(0).path("unread").asLong() == 2);

        assertThat(mine.get(0).path("roomId").asString()).isEqualTo(openRoom);
        assertThat(mine.get(0).path("state").asString()).isEqualTo("OPEN");
        assertThat(mine.get(0).path("lastMessage").path("text").asString()).isEqualTo("hello?");
        assertThat(mine.get(1).path("roomId").asString()).isEqualTo(closedRoom);
        assertThat(mine.get(1).path("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    void someoneOutsideTheRoomIsForbiddenButASupervisorMayRead() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "private matter");
        String roomId = enquiry.liveWith(chatroom, "jack");

        HttpResponse<String> read = chatroom.get("/api/rooms/" + roomId + "/messages", chatroom.token("mallory"));
        HttpResponse<String> write = chatroom.say(roomId, chatroom.token("mallory"), "hi");
        HttpResponse<String> close = chatroom.post("/api/rooms/" + roomId + "/close", chatroom.token("mallory"), "");
        HttpResponse<String> supervised =
                chatroom.get("/api/rooms/" + roomId + "/messages", chatroom.token("sue", "SUPERVISOR"));

        assertThat(List.of(read, write, close)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(chatroom.code(answer)).isEqualTo("room.forbidden");
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        });
        assertThat(chatroom.messages(roomId, chatroom.token("jack"), 0)).hasSize(2);
        assertThat(supervised.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownRoomIsNotFoundAfterTheGrace() {
        long started = System.nanoTime();

        HttpResponse<String> answer = chatroom.get("/api/rooms/room-nope", chatroom.token("kate"));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(chatroom.code(answer)).isEqualTo("room.not-found");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(ChatroomUnderTest.ROOM_GRACE);
    }

    @Test
    void aRoomAskedForJustBeforeItsAcceptIsConsumedIsAwaited() throws Exception {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "quick");
        String token = chatroom.token("liam");
        String roomId = "room-" + UUID.randomUUID();

        // the client asks as soon as the accept answered, before this service has seen the accept
        CompletableFuture<HttpResponse<String>> early =
                CompletableFuture.supplyAsync(() -> chatroom.get("/api/rooms/" + roomId, token));
        chatroom.events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiry.enquiryId,
                new EnquiryAccepted(enquiry.enquiryId, enquiry.conversation, "liam", roomId, Instant.now()));

        assertThat(early.get().statusCode()).isEqualTo(200);
    }

    @Test
    void emptyOversizedAndMalformedMessagesAreRefusedWithTheirCodes() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "testing");
        String roomId = enquiry.liveWith(chatroom, "mia");
        String token = chatroom.token("mia");
        String path = "/api/rooms/" + roomId + "/messages";

        HttpResponse<String> empty = chatroom.say(roomId, token, "   ");
        HttpResponse<String> missing = chatroom.post(path, token, "{}");
        HttpResponse<String> tooLong = chatroom.say(roomId, token, "x".repeat(4001));
        HttpResponse<String> malformed = chatroom.post(path, token, "{\"text\": ");
        HttpResponse<String> badAfter = chatroom.get(path + "?after=soon", token);
        HttpResponse<String> badLimit = chatroom.get(path + "?limit=0", token);
        HttpResponse<String> longest = chatroom.say(roomId, token, "y".repeat(4000));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(chatroom.code(empty)).isEqualTo("message.empty");
        assertThat(chatroom.code(missing)).isEqualTo("message.empty");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(chatroom.code(tooLong)).isEqualTo("message.too-long");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(chatroom.code(malformed)).isEqualTo("request.malformed");
        assertThat(badAfter.statusCode()).isEqualTo(400);
        assertThat(chatroom.code(badAfter)).isEqualTo("request.invalid");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(longest.statusCode()).isEqualTo(201);
        // nothing refused reached the room: the 4000-character message is the third, right after the notice
        assertThat(chatroom.body(longest).path("seq").asLong()).isEqualTo(3);
    }

    @Test
    void closingTheRoomTellsTheEnquiryAndRefusesMoreMessages() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "bye soon");
        String roomId = enquiry.liveWith(chatroom, "noah");
        String token = chatroom.token("noah");

        HttpResponse<String> close = chatroom.post("/api/rooms/" + roomId + "/close", token, "");
        HttpResponse<String> again = chatroom.post("/api/rooms/" + roomId + "/close", token, "");
        HttpResponse<String> late = chatroom.say(roomId, token, "one more thing");

        assertThat(close.statusCode()).isEqualTo(200);
        assertThat(chatroom.body(close).path("state").asString()).isEqualTo("CLOSED");
        RoomClosed closed = rooms.await(RoomClosed.class, e -> e.roomId().equals(roomId));
        assertThat(closed.enquiryId()).isEqualTo(enquiry.enquiryId);
        assertThat(closed.closedBy()).isEqualTo("noah");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(chatroom.code(again)).isEqualTo("room.closed");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(chatroom.code(late)).isEqualTo("room.closed");
        List<JsonNode> messages = chatroom.messages(roomId, token, 0);
        assertThat(messages.getLast().path("text").asString()).isEqualTo("Staff noah closed the room");
        assertThat(messages.getLast().path("sender").path("kind").asString()).isEqualTo("SYSTEM");
        assertThat(rooms.seen(RoomClosed.class, e -> e.roomId().equals(roomId))).hasSize(1);
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        HttpResponse<String> answer = chatroom.send(HttpRequest.newBuilder(URI.create(chatroom.baseUrl + "/api/rooms"))
                .GET()
                .build());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(chatroom.code(answer)).isEqualTo("auth.required");
    }
}
