package io.parley.chatroom.conversation;

import io.parley.chatroom.room.Room;
import io.parley.chatroom.room.RoomMessage;
import io.parley.chatroom.room.RoomPostings;
import io.parley.chatroom.room.RoomState;
import io.parley.events.DeliveryStatus;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.kit.kafka.EventNotStoredException;
import io.parley.kit.kafka.EventPublisher;
import io.parley.kit.web.Problem;
import io.parley.security.StaffPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A staff member's reply: 1 to {@value #MAX_LENGTH} characters after trimming, only in an open room. It takes
 * the room's next sequence number, starts PENDING, and goes to the customer's channel as {@code
 * OutboundMessageRequested} (purpose REPLY, keyed by the room's conversation, our message id as the
 * outbound id), so channel-ingest delivers it and reports its statuses against it. Once stored, the reply
 * is answered 201 even if Kafka is slow: {@link PendingReplies} requests it again.
 */
@Service
class StaffReplies {

    static final int MAX_LENGTH = 4000;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StaffReplies.class);

    private final RoomPostings postings;
    private final EventPublisher events;
    private final Clock clock;

    StaffReplies(RoomPostings postings, EventPublisher events, Clock clock) {
        this.postings = postings;
        this.events = events;
        this.clock = clock;
    }

    RoomMessage reply(Room room, StaffPrincipal staff, @Nullable String rawText) {
        String text = rawText == null ? "" : rawText.strip();
        if (text.isEmpty()) {
            throw Problem.badRequest("message.empty", "Write something first");
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw Problem.badRequest("message.too-long", "A message has at most " + MAX_LENGTH + " characters");
        }
        if (room.state() != RoomState.OPEN) {
            throw Problem.conflict("room.closed", "This room is closed");
        }
        Instant now = clock.instant();
        Sender sender = Sender.staff(staff.staffId(), staff.name());
        RoomMessage message = postings.post(
                        room, "s:" + UUID.randomUUID(), sender, text, List.of(), now, DeliveryStatus.PENDING)
                .message();
        try {
            events.publishAndWait(
                    Topics.CHANNEL_OUTBOUND_MESSAGE, room.conversation(), PendingReplies.request(room, message));
        } catch (EventNotStoredException e) {
            // Stored and PENDING: PendingReplies requests it again until a channel takes it.
            log.warn("Reply {} stored; its request waits for Kafka: {}", message.messageId(), e.getMessage());
        }
        return message;
    }
}
