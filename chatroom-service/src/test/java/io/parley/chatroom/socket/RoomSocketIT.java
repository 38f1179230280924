package io.parley.chatroom.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.chatroom.ChatroomUnderTest;
import io.parley.chatroom.EnquiryScript;
import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The room socket: the backlog after the client's seq, then live messages, in order without gap or
 * duplicate; a reconnect gets exactly what was missed; statuses and the close; and who may connect.
 */
class RoomSocketIT {

    static ChatroomUnderTest chatroom;

    @BeforeAll
    static void start() {
        chatroom = ChatroomUnderTest.get();
    }

    @Test
    void aSubscriberGetsTheBacklogAfterItsSeqThenLiveMessagesInOrder() {
        // given a room with four messages
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "one");
        enquiry.customerSays("p-2", "two");
        String roomId = enquiry.liveWith(chatroom, "rosa");
        String token = chatroom.token("rosa");
        chatroom.say(roomId, token, "four");

        try (SocketClient socket = connect(token)) {
            // when the client subscribes with the last seq it has, 2
            socket.subscribe(roomId, 2);
            socket.awaitSeq(4);

            // and new messages come from staff and customer
            chatroom.say(roomId, token, "five");
            enquiry.customerSays("p-6", "six");
            socket.awaitSeq(6); // the customer's message is stored by the consumer, after the publish returns
            chatroom.say(roomId, token, "seven");
            socket.awaitSeq(7);

            // then it got 3..7, each once, in order, after the subscription was confirmed
            assertThat(socket.seqs()).containsExactly(3L, 4L, 5L, 6L, 7L);
            assertThat(socket.frames().getFirst().path("type").asString()).isEqualTo("subscribed");
            assertThat(socket.frames("message"))
                    .extracting(f -> f.path("message").path("text").asString())
                    .containsExactly("rosa accepted the enquiry", "four", "five", "six", "seven");
            assertThat(socket.frames("message"))
                    .allSatisfy(f -> assertThat(f.path("roomId").asString()).isEqualTo(roomId));
        }
    }

    @Test
    void aReconnectWithTheLastSeqGetsExactlyTheMissedMessages() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "hello");
        String roomId = enquiry.liveWith(chatroom, "sam");
        String token = chatroom.token("sam");
        long last;
        try (SocketClient first = connect(token)) {
            first.subscribe(roomId, 0);
            first.awaitSeq(2);
            last = first.seqs().getLast();
        }

        // while the client is away, three messages arrive
        chatroom.say(roomId, token, "while away 1");
        enquiry.customerSays("p-away", "while away 2");
        chatroom.say(roomId, token, "while away 3");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> chatroom.messages(roomId, token, 0).size() == 5);

        try (SocketClient again = connect(token)) {
            again.subscribe(roomId, last);
            again.awaitSeq(5);
            chatroom.say(roomId, token, "back live");
            again.awaitSeq(6);

            assertThat(again.seqs()).containsExactly(3L, 4L, 5L, 6L);
        }
    }

    @Test
    void aBurstOfLiveMessagesArrivesWithoutGapOrDuplicate() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "burst");
        String roomId = enquiry.liveWith(chatroom, "tara");
        String token = chatroom.token("tara");
        try (SocketClient socket = connect(token)) {
            socket.subscribe(roomId, 0);
            socket.awaitSeq(2);

            List<Thread> writers = LongStream.range(0, 20)
                    .mapToObj(i -> Thread.ofVirtual().start(() -> chatroom.say(roomId, token, "m" + i)))
                    .toList();
            for (int i = 0; i < 20; i++) {
                enquiry.customerSays("p-burst-" + i, "c" + i);
            }
            writers.forEach(RoomSocketIT::join);
            socket.awaitSeq(42);

            assertThat(socket.seqs())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 42).boxed().toList());
        }
    }

    @Test
    void deliveryStatusesAndTheCloseReachTheSocket() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "status please");
        String roomId = enquiry.liveWith(chatroom, "uma");
        String token = chatroom.token("uma");
        JsonNode reply = chatroom.body(chatroom.say(roomId, token, "on its way"));
        try (SocketClient socket = connect(token)) {
            socket.subscribe(roomId, 0);
            socket.awaitSeq(3);

            chatroom.events.publishAndWait(
                    Topics.CHANNEL_DELIVERY_STATUS,
                    enquiry.conversation,
                    new DeliveryStatusChanged(
                            reply.path("messageId").asString(),
                            enquiry.conversation,
                            roomId,
                            3L,
                            DeliveryStatus.DELIVERED,
                            null,
                            null,
                            Instant.now()));
            JsonNode status = socket.awaitFrame(f -> f.path("type").asString().equals("status"));
            chatroom.post("/api/rooms/" + roomId + "/close", token, "");
            JsonNode closed = socket.awaitFrame(f -> f.path("type").asString().equals("closed"));

            assertThat(status.path("seq").asLong()).isEqualTo(3);
            assertThat(status.path("status").asString()).isEqualTo("DELIVERED");
            assertThat(closed.path("roomId").asString()).isEqualTo(roomId);
            assertThat(closed.path("closedBy").asString()).isEqualTo("uma");
            // the closing notice came before the close
            assertThat(socket.seqs()).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void someoneOutsideTheRoomCannotSubscribeAndAnUnknownRoomIsNotFound() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "secret");
        String roomId = enquiry.liveWith(chatroom, "vic");
        try (SocketClient socket = connect(chatroom.token("mallory"))) {
            socket.subscribe(roomId, 0);
            socket.subscribe("room-nope", 0);
            socket.sendRaw("{not json");

            JsonNode forbidden =
                    socket.awaitFrame(f -> f.path("code").asString().equals("room.forbidden"));
            JsonNode unknown = socket.awaitFrame(f -> f.path("code").asString().equals("room.not-found"));
            JsonNode malformed =
                    socket.awaitFrame(f -> f.path("code").asString().equals("request.malformed"));

            assertThat(forbidden.path("roomId").asString()).isEqualTo(roomId);
            assertThat(unknown.path("roomId").asString()).isEqualTo("room-nope");
            assertThat(malformed.path("type").asString()).isEqualTo("error");
            assertThat(socket.frames("message")).isEmpty();
        }
    }

    @Test
    void theSessionCookieOrAnAccessTokenAuthenticatesAndNothingElseDoes() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "cookie");
        String roomId = enquiry.liveWith(chatroom, "walt");
        String token = chatroom.token("walt");

        try (SocketClient byCookie = SocketClient.connect(
                chatroom.http,
                URI.create(chatroom.socketUrl),
                chatroom.json,
                Map.of("Cookie", "parley_session=" + token))) {
            byCookie.subscribe(roomId, 0);
            byCookie.awaitSeq(2);
        }
        assertThat(handshakeStatus(URI.create(chatroom.socketUrl), Map.of())).isEqualTo(401);
        assertThat(handshakeStatus(URI.create(chatroom.socketUrl + "?access_token=not-a-token"), Map.of()))
                .isEqualTo(401);
        assertThat(handshakeStatus(
                        URI.create(chatroom.socketUrl + "?access_token=" + token),
                        Map.of("Origin", "http://evil.example")))
                .isEqualTo(403);
        try (SocketClient fromConsole = SocketClient.connect(
                chatroom.http,
                URI.create(chatroom.socketUrl + "?access_token=" + token),
                chatroom.json,
                Map.of("Origin", ChatroomUnderTest.ALLOWED_ORIGIN))) {
            fromConsole.subscribe(roomId, 1);
            fromConsole.awaitSeq(2);
            assertThat(fromConsole.seqs()).containsExactly(2L);
        }
    }

    private static SocketClient connect(String token) {
        return SocketClient.connect(
                chatroom.http, URI.create(chatroom.socketUrl + "?access_token=" + token), chatroom.json, Map.of());
    }

    private static int handshakeStatus(URI uri, Map<String, String> headers) {
        Throwable failure = catchThrowableOf(uri, headers);
        assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure).getResponse().statusCode();
    }

    private static Throwable catchThrowableOf(URI uri, Map<String, String> headers) {
        try {
            SocketClient.connect(chatroom.http, uri, chatroom.json, headers).close();
            throw new AssertionError("the handshake to " + uri + " succeeded");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
