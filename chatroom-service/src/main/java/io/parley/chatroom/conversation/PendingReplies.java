package io.parley.chatroom.conversation;

import io.parley.chatroom.room.RoomMessage;
import io.parley.chatroom.room.Rooms;
import io.parley.chatroom.room.Transcripts;
import io.parley.events.Topics;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * No staff reply stays behind: a reply is stored PENDING before it is requested from its channel, and any
 * reply still PENDING after {@code parley.chatroom.pending-reply-after} (10 s) — its request never reached
 * Kafka, or no channel has answered it — is requested again with the same outbound id, which channels
 * deduplicate. A channel's first status (SENT, DELIVERED, FAILED…) ends the repeats.
 */
@Component
class PendingReplies {

    private static final Logger log = LoggerFactory.getLogger(PendingReplies.class);

    private final Transcripts transcripts;
    private final Rooms rooms;
    private final EventPublisher events;
    private final Clock clock;
    private final Duration after;

    PendingReplies(
            Transcripts transcripts,
            Rooms rooms,
            EventPublisher events,
            Clock clock,
            @Value("${parley.chatroom.pending-reply-after:10s}") Duration after) {
        this.transcripts = transcripts;
        this.rooms = rooms;
        this.events = events;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${parley.chatroom.pending-reply-check:5s}")
    void requestAgain() {
        List<RoomMessage> pending =
                transcripts.pendingStaffMessages(clock.instant().minus(after), 200);
        for (RoomMessage message : pending) {
            rooms.byEnquiryId(message.enquiryId()).ifPresent(room -> {
                try {
                    events.publish(Topics.CHANNEL_OUTBOUND_MESSAGE, room.conversation(), request(room, message))
                            .get(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    log.warn("Reply {} still waits for Kafka: {}", message.messageId(), e.toString());
                }
            });
        }
    }

    static OutboundMessageRequested request(io.parley.chatroom.room.Room room, RoomMessage message) {
        return new OutboundMessageRequested(
                message.messageId(),
                room.conversation(),
                OutboundMessageRequested.Purpose.REPLY,
                room.roomId(),
                message.seq(),
                message.sender(),
                message.text(),
                message.attachments(),
                message.sentAt());
    }
}
