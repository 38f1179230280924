package io.parley.chatroom.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.chatroom.ChatroomUnderTest;
import io.parley.chatroom.EnquiryScript;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.OutboundMessageEvent;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.events.chat.RoomEvent;
import io.parley.events.chat.RoomMessageStatusChanged;
import io.parley.testsupport.TestInfrastructure;
import io.parley.testsupport.TopicTap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A staff message goes to the customer's channel, and what the channel reports about its delivery comes back
 * to the message — forward only — and to the room.
 */
class OutboundAndDeliveryIT {

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
    void aStaffMessageGoesOutToTheCustomersChannelKeyedByTheConversation() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Where is my parcel?");
        String roomId = enquiry.liveWith(chatroom, "olga");

        JsonNode posted = chatroom.body(chatroom.say(roomId, chatroom.token("olga"), "It left yesterday"));

        ConsumerRecord<ConversationKey, Envelope<OutboundMessageEvent>> record = outboundFor(roomId);
        assertThat(record.key()).isEqualTo(enquiry.conversation);
        OutboundMessageRequested request =
                (OutboundMessageRequested) record.value().payload();
        assertThat(request.conversationKey()).isEqualTo(enquiry.conversation);
        assertThat(request.purpose()).isEqualTo(OutboundMessageRequested.Purpose.REPLY);
        assertThat(request.outboundMessageId())
                .isEqualTo(posted.path("messageId").asString());
        assertThat(request.roomSeq()).isEqualTo(posted.path("seq").asLong());
        assertThat(request.text()).isEqualTo("It left yesterday");
        assertThat(request.sender().id()).isEqualTo("olga");
    }

    @Test
    void aReplyNoChannelHasTakenIsRequestedAgainUntilOneReportsOnIt() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Anyone?");
        String roomId = enquiry.liveWith(chatroom, "rita");
        String messageId = chatroom.body(chatroom.say(roomId, chatroom.token("rita"), "Yes, here"))
                .path("messageId")
                .asString();

        try (TopicTap<ConversationKey, OutboundMessageEvent> outbound = TopicTap.on(Topics.CHANNEL_OUTBOUND_MESSAGE)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> requestsOf(outbound, messageId), requests -> requests >= 2);

            chatroom.events.publishAndWait(
                    Topics.CHANNEL_DELIVERY_STATUS,
                    enquiry.conversation,
                    new DeliveryStatusChanged(
                            messageId,
                            enquiry.conversation,
                            roomId,
                            null,
                            DeliveryStatus.SENT,
                            "wamid.1",
                            null,
                            Instant.now()));
            String token = chatroom.token("rita");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> chatroom.messages(roomId, token, 0).stream()
                            .anyMatch(m -> m.path("id").asString().equals(messageId)
                                    && "SENT".equals(m.path("status").asString())));
            long settled = requestsOf(outbound, messageId);
            await().pollDelay(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> true);
            assertThat(requestsOf(outbound, messageId))
                    .as("no more requests once a channel reported")
                    .isEqualTo(settled);
        }
    }

    private static long requestsOf(TopicTap<ConversationKey, OutboundMessageEvent> outbound, String messageId) {
        return outbound.seen(
                        OutboundMessageRequested.class,
                        r -> r.outboundMessageId().equals(messageId))
                .size();
    }

    @Test
    void deliveryStatusesMoveAMessageForwardOnlyAndReachTheRoom() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Hi");
        String roomId = enquiry.liveWith(chatroom, "pete");
        String token = chatroom.token("pete");
        JsonNode reply = chatroom.body(chatroom.say(roomId, token, "Hello Carol"));
        JsonNode marker = chatroom.body(chatroom.say(roomId, token, "marker"));
        String messageId = reply.path("messageId").asString();
        long seq = reply.path("seq").asLong();

        // when the channel reports sent, delivered, read — and then, late, delivered and sent again
        for (DeliveryStatus status : List.of(
                DeliveryStatus.SENT,
                DeliveryStatus.DELIVERED,
                DeliveryStatus.READ,
                DeliveryStatus.DELIVERED,
                DeliveryStatus.SENT)) {
            report(enquiry, roomId, messageId, seq, status, null);
        }
        report(
                enquiry,
                roomId,
                marker.path("messageId").asString(),
                marker.path("seq").asLong(),
                DeliveryStatus.SENT,
                null);

        // then the message stays READ and the room heard sent, delivered, read — once each, in order
        rooms.await(
                RoomMessageStatusChanged.class,
                e -> e.roomId().equals(roomId) && e.seq() == marker.path("seq").asLong());
        assertThat(rooms.seen(RoomMessageStatusChanged.class, e -> e.roomId().equals(roomId) && e.seq() == seq))
                .extracting(RoomMessageStatusChanged::status)
                .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        assertThat(messageAt(roomId, token, seq).path("status").asString()).isEqualTo("READ");
    }

    @Test
    void aFailedDeliveryKeepsItsReason() {
        EnquiryScript enquiry = EnquiryScript.open(chatroom.events, "Hi");
        String roomId = enquiry.liveWith(chatroom, "quinn");
        String token = chatroom.token("quinn");
        JsonNode reply = chatroom.body(chatroom.say(roomId, token, "Are you still there?"));
        String messageId = reply.path("messageId").asString();
        long seq = reply.path("seq").asLong();
        DeliveryFailure failure = new DeliveryFailure("window-closed", "The 24-hour window has closed", true);

        report(enquiry, roomId, messageId, seq, DeliveryStatus.FAILED, failure);
        RoomMessageStatusChanged failed =
                rooms.await(RoomMessageStatusChanged.class, e -> e.roomId().equals(roomId) && e.seq() == seq);
        report(enquiry, roomId, messageId, seq, DeliveryStatus.DELIVERED, null);
        chatroom.events.publishAndWait(
                Topics.CHANNEL_DELIVERY_STATUS,
                enquiry.conversation,
                statusOf(enquiry, roomId, "not-a-room-message", null, DeliveryStatus.SENT, null));
        JsonNode marker = chatroom.body(chatroom.say(roomId, token, "marker"));
        report(
                enquiry,
                roomId,
                marker.path("messageId").asString(),
                marker.path("seq").asLong(),
                DeliveryStatus.SENT,
                null);
        rooms.await(
                RoomMessageStatusChanged.class,
                e -> e.roomId().equals(roomId) && e.seq() == marker.path("seq").asLong());

        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failure()).isEqualTo(failure);
        JsonNode message = messageAt(roomId, token, seq);
        assertThat(message.path("status").asString()).isEqualTo("FAILED");
        assertThat(message.path("failure").path("code").asString()).isEqualTo("window-closed");
        assertThat(message.path("failure").path("actionRequired").asBoolean()).isTrue();
        assertThat(rooms.seen(RoomMessageStatusChanged.class, e -> e.roomId().equals(roomId) && e.seq() == seq))
                .hasSize(1);
    }

    private static JsonNode messageAt(String roomId, String token, long seq) {
        return chatroom.messages(roomId, token, seq - 1).getFirst();
    }

    private static void report(
            EnquiryScript enquiry,
            String roomId,
            String messageId,
            long seq,
            DeliveryStatus status,
            @Nullable DeliveryFailure failure) {
        chatroom.events.publishAndWait(
                Topics.CHANNEL_DELIVERY_STATUS,
                enquiry.conversation,
                statusOf(enquiry, roomId, messageId, seq, status, failure));
    }

    private static DeliveryStatusChanged statusOf(
            EnquiryScript enquiry,
            String roomId,
            String messageId,
            @Nullable Long seq,
            DeliveryStatus status,
            @Nullable DeliveryFailure failure) {
        return new DeliveryStatusChanged(
                messageId, enquiry.conversation, roomId, seq, status, "platform-" + messageId, failure, Instant.now());
    }

    /** Reads {@code channel.outbound-message.v1} from its start, with keys, until the room's request is there. */
    private static ConsumerRecord<ConversationKey, Envelope<OutboundMessageEvent>> outboundFor(String roomId) {
        var topic = Topics.CHANNEL_OUTBOUND_MESSAGE;
        try (KafkaConsumer<ConversationKey, Envelope<OutboundMessageEvent>> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafkaBootstrap(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "outbound-check-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            List<ConsumerRecord<ConversationKey, Envelope<OutboundMessageEvent>>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (record.value() != null
                            && record.value().payload() instanceof OutboundMessageRequested request
                            && roomId.equals(request.roomId())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }
}
