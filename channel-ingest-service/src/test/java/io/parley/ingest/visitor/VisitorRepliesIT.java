package io.parley.ingest.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.web.Widget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Replies of WEB conversations: they join the visitor's transcript in order, once, reach the visitor's socket
 * live, and are reported DELIVERED and READ on {@code channel.delivery-status.v1}.
 */
class VisitorRepliesIT extends RunningIngest {

    @Test
    void repliesReachTheTranscriptInOrderOnceEachAndAreDelivered() {
        Started started = startConversation();
        String first = reply(started.key(), Sender.staff("alice", "Alice"), "Hello, I am Alice");
        String second = reply(started.key(), Sender.staff("alice", "Alice"), "How can I help?");
        String system = reply(started.key(), Sender.system(), "Alice joined");

        awaitStatus(system, DeliveryStatus.DELIVERED);
        DeliveryStatusChanged delivered = awaitStatus(first, DeliveryStatus.DELIVERED);
        awaitStatus(second, DeliveryStatus.DELIVERED);
        assertThat(delivered.conversationKey()).isEqualTo(started.key());
        assertThat(delivered.roomId()).isEqualTo("room-1");
        JsonNode transcript =
                json(get("/api/visitor/messages?after=1", started.conversation().token()));
        assertThat(transcript.findValuesAsString("text"))
                .containsExactly("Hello, I am Alice", "How can I help?", "Alice joined");
        assertThat(transcript.findValues("seq").stream().map(JsonNode::asLong)).containsExactly(2L, 3L, 4L);
        assertThat(transcript.findValuesAsString("from")).containsExactly("STAFF", "STAFF", "SYSTEM");
        assertThat(transcript.get(0).path("name").asString()).isEqualTo("Alice");
    }

    @Test
    void aRedeliveredReplyIsStoredOnce() {
        Started started = startConversation();
        OutboundMessageRequested reply = outbound(started.key(), Sender.staff("bob", "Bob"), "only once");

        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, started.key(), reply);
        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, started.key(), reply);
        String marker = reply(started.key(), Sender.staff("bob", "Bob"), "marker");
        awaitStatus(marker, DeliveryStatus.DELIVERED);

        assertThat(json(get("/api/visitor/messages", started.conversation().token()))
                        .findValuesAsString("text"))
                .containsExactly("hello", "only once", "marker");
    }

    @Test
    void aReplyForAnUnknownWebConversationFails() {
        ConversationKey unknown = new ConversationKey(
                Channel.WEB, fresh("widget"), UUID.randomUUID().toString());

        String id = reply(unknown, Sender.staff("bob", "Bob"), "anyone there?");

        DeliveryStatusChanged failed = awaitStatus(id, DeliveryStatus.FAILED);
        assertThat(failed.failure()).isNotNull();
        assertThat(failed.failure().code()).isEqualTo("unknown-conversation");
    }

    @Test
    void theSocketSaysHelloAndPushesRepliesLiveInOrderThenReportsThemRead() throws Exception {
        Started started = startConversation();
        try (SocketClient socket =
                SocketClient.connect(socketUri(started.conversation().token()))) {
            JsonNode hello = socket.next("hello");
            assertThat(hello.path("conversationId").asString())
                    .isEqualTo(started.conversation().id());

            String one = reply(started.key(), Sender.staff("alice", "Alice"), "one");
            String two = reply(started.key(), Sender.staff("alice", "Alice"), "two");
            awaitStatus(two, DeliveryStatus.DELIVERED);
            send("POST", "/api/visitor/messages", started.conversation().token(), body(Map.of("text", "three")));

            JsonNode first = socket.nextMessage();
            JsonNode second = socket.nextMessage();
            JsonNode third = socket.nextMessage();
            assertThat(List.of(first, second, third))
                    .extracting(m -> m.path("seq").asLong())
                    .containsExactly(2L, 3L, 4L);
            assertThat(List.of(first, second, third))
                    .extracting(m -> m.path("text").asString())
                    .containsExactly("one", "two", "three");
            assertThat(first.path("from").asString()).isEqualTo("STAFF");
            assertThat(third.path("from").asString()).isEqualTo("VISITOR");

            socket.send(Map.of("type", "read", "seq", 3));

            DeliveryStatusChanged readOne = awaitStatus(one, DeliveryStatus.READ);
            awaitStatus(two, DeliveryStatus.READ);
            assertThat(readOne.conversationKey()).isEqualTo(started.key());
            assertThat(STATUSES.seen(
                            DeliveryStatusChanged.class,
                            s -> s.outboundMessageId().equals(one) && s.status() == DeliveryStatus.DELIVERED))
                    .isNotEmpty();
        }
    }

    @Test
    void readingTwiceReportsReadOnce() throws Exception {
        Started started = startConversation();
        String one = reply(started.key(), Sender.staff("alice", "Alice"), "one");
        awaitStatus(one, DeliveryStatus.DELIVERED);
        try (SocketClient socket =
                SocketClient.connect(socketUri(started.conversation().token()))) {
            socket.next("hello");

            socket.send(Map.of("type", "read", "seq", 2));
            socket.send(Map.of("type", "read", "seq", 2));
            socket.send(Map.of("type", "ping"));
            socket.next("pong");
            awaitStatus(one, DeliveryStatus.READ);
            String marker = reply(started.key(), Sender.staff("alice", "Alice"), "marker");
            socket.nextMessage();
            socket.send(Map.of("type", "read", "seq", 3));
            awaitStatus(marker, DeliveryStatus.READ);

            assertThat(STATUSES.seen(
                            DeliveryStatusChanged.class,
                            s -> s.outboundMessageId().equals(one) && s.status() == DeliveryStatus.READ))
                    .hasSize(1);
        }
    }

    @Test
    void aReconnectingSocketResumesAfterItsLastSequenceNumberWithoutGapOrDuplicate() throws Exception {
        Started started = startConversation();
        String one = reply(started.key(), Sender.staff("alice", "Alice"), "while away 1");
        String two = reply(started.key(), Sender.staff("alice", "Alice"), "while away 2");
        awaitStatus(one, DeliveryStatus.DELIVERED);
        awaitStatus(two, DeliveryStatus.DELIVERED);

        try (SocketClient socket =
                SocketClient.connect(socketUri(started.conversation().token()))) {
            assertThat(socket.next("hello").path("lastSeq").asLong()).isEqualTo(3);
            socket.send(Map.of("type", "resume", "after", 1));

            assertThat(socket.nextMessage().path("text").asString()).isEqualTo("while away 1");
            assertThat(socket.nextMessage().path("text").asString()).isEqualTo("while away 2");
            reply(started.key(), Sender.staff("alice", "Alice"), "live again");
            JsonNode live = socket.nextMessage();
            assertThat(live.path("seq").asLong()).isEqualTo(4);
            assertThat(live.path("text").asString()).isEqualTo("live again");
        }
    }

    @Test
    void aSocketGetsNothingOfAnotherConversation() throws Exception {
        Started mine = startConversation();
        Started theirs = startConversation();
        try (SocketClient socket =
                SocketClient.connect(socketUri(mine.conversation().token()))) {
            socket.next("hello");

            String secret = reply(theirs.key(), Sender.staff("bob", "Bob"), "their secret");
            awaitStatus(secret, DeliveryStatus.DELIVERED);
            reply(mine.key(), Sender.staff("bob", "Bob"), "for me");

            JsonNode received = socket.nextMessage();
            assertThat(received.path("text").asString()).isEqualTo("for me");
            assertThat(socket.frames).noneMatch(f -> f.toString().contains("their secret"));
        }
    }

    @Test
    void aSocketWithAnInvalidTokenIsClosedForPolicyViolation() throws Exception {
        try (SocketClient socket = SocketClient.connect(socketUri("not-a-token"))) {
            assertThat(socket.closed.get(20, TimeUnit.SECONDS)).isEqualTo(1008);
            assertThat(socket.frames).isEmpty();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private record Started(Conversation conversation, ConversationKey key) {}

    private Started startConversation() {
        String tag = givenTag("Sales");
        Widget widget = givenWidget(List.of(tag), false, null);
        Conversation conversation = start(widget.id(), "TAG", tag, "hello");
        return new Started(conversation, new ConversationKey(Channel.WEB, widget.id(), conversation.id()));
    }

    private URI socketUri(String token) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/visitor?token=" + token);
    }

    private static OutboundMessageRequested outbound(ConversationKey key, Sender sender, String text) {
        return outbound(key, "room-1", 7L, sender, text);
    }

    private String reply(ConversationKey key, Sender sender, String text) {
        OutboundMessageRequested reply = outbound(key, sender, text);
        events.publishAndWait(Topics.CHANNEL_OUTBOUND_MESSAGE, key, reply);
        return reply.outboundMessageId();
    }
}
