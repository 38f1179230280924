package io.parley.chatroom.delivery;

import io.parley.chatroom.room.Room;
import io.parley.chatroom.room.RoomMessage;
import io.parley.chatroom.room.Rooms;
import io.parley.chatroom.room.Transcripts;
import io.parley.events.ConversationKey;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.DeliveryStatusEvent;
import io.parley.events.chat.RoomMessageStatusChanged;
import io.parley.kit.kafka.EventPublisher;
import io.parley.kit.kafka.EventSubscription;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Applies what channel-ingest reports about a staff message's delivery to the message (its outbound id is the
 * message id) and tells the room: {@code RoomMessageStatusChanged}. The status only moves forward (PENDING →
 * SENT → DELIVERED → READ; FAILED with its reason, before delivery), so a late or redelivered report changes
 * nothing and publishes nothing. Reports about messages that are not room messages (welcome texts, missed
 * notices) are none of this service's business. A report of the status a message already has is told
 * again (a redelivery after a crash must not swallow it); the room's clients take it as a no-op.
 */
@Component
class DeliveryStatuses {

    private final Transcripts transcripts;
    private final Rooms rooms;
    private final EventPublisher events;

    DeliveryStatuses(Transcripts transcripts, Rooms rooms, EventPublisher events) {
        this.transcripts = transcripts;
        this.rooms = rooms;
        this.events = events;
    }

    void apply(Envelope<DeliveryStatusEvent> event) {
        switch (event.payload()) {
            case DeliveryStatusChanged changed -> apply(changed);
        }
    }

    private void apply(DeliveryStatusChanged changed) {
        Optional<RoomMessage> moved = transcripts
                .advanceStatus(changed.outboundMessageId(), changed.status(), changed.failure())
                // Already there: a redelivery, perhaps after a crash before the news went out; say it again.
                .or(() -> transcripts
                        .byId(changed.outboundMessageId())
                        .filter(message -> message.status() == changed.status()));
        if (moved.isEmpty()) {
            return;
        }
        RoomMessage message = moved.get();
        String roomId = rooms.byEnquiryId(message.enquiryId()).map(Room::roomId).orElse(null);
        if (roomId == null) {
            return;
        }
        events.publishAndWait(
                Topics.CHAT_ROOM,
                roomId,
                new RoomMessageStatusChanged(roomId, message.seq(), changed.status(), message.failure(), changed.at()));
    }

    /** chatroom-service follows {@code channel.delivery-status.v1}. */
    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        EventSubscription<ConversationKey, DeliveryStatusEvent> deliveryStatusSubscription(DeliveryStatuses statuses) {
            return EventSubscription.on(Topics.CHANNEL_DELIVERY_STATUS, (key, event) -> statuses.apply(event))
                    .withConcurrency(2);
        }
    }
}
