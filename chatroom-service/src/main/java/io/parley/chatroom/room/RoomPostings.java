package io.parley.chatroom.room;

import io.parley.chatroom.room.Transcripts.Appended;
import io.parley.events.AttachmentRef;
import io.parley.events.DeliveryStatus;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.chat.RoomMessagePosted;
import io.parley.events.chat.RoomOpened;
import io.parley.kit.kafka.EventPublisher;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts messages in rooms and tells {@code chat.room.v1}: every stored message goes out as {@code
 * RoomMessagePosted} once its room has a room id. The messages written while the enquiry waited (the
 * customer's, and the notice of the accept) go out when the room opens, right after {@code RoomOpened}, so
 * the room's stream on the topic is complete.
 */
@Component
public class RoomPostings {

    private static final int PAGE = 500;

    private final Transcripts transcripts;
    private final EventPublisher events;

    RoomPostings(Transcripts transcripts, EventPublisher events) {
        this.transcripts = transcripts;
        this.events = events;
    }

    /**
     * Appends a message to the room (unless one with the same dedupe key is there) and, when the room has a
     * room id, publishes it.
     */
    public Appended post(
            Room room,
            String dedupeKey,
            Sender sender,
            @Nullable String text,
            List<AttachmentRef> attachments,
            Instant sentAt,
            @Nullable DeliveryStatus status) {
        Appended appended = transcripts.append(room.enquiryId(), dedupeKey, sender, text, attachments, sentAt, status);
        String roomId = room.roomId();
        if (appended.stored() && roomId != null) {
            publish(roomId, appended.message());
        }
        return appended;
    }

    /**
     * Publishes {@code RoomOpened} and the messages the room had before it opened (up to {@code upToSeq}).
     * Messages after those publish themselves as they are posted.
     */
    public void announce(Room room, long upToSeq) {
        String roomId = room.roomId();
        if (roomId == null) {
            throw new IllegalArgumentException("room " + room.enquiryId() + " has no room id yet");
        }
        events.publishAndWait(
                Topics.CHAT_ROOM,
                roomId,
                new RoomOpened(
                        roomId,
                        room.enquiryId(),
                        room.conversation(),
                        room.channel(),
                        room.channelAccountId(),
                        room.customer(),
                        room.participants(),
                        room.openedAt() == null ? room.createdAt() : room.openedAt()));
        long after = 0;
        List<RoomMessage> page;
        do {
            page = transcripts.after(room.enquiryId(), after, PAGE);
            for (RoomMessage message : page) {
                if (message.seq() > upToSeq) {
                    break;
                }
                publish(roomId, message);
                after = message.seq();
            }
        } while (page.size() == PAGE && after < upToSeq);
    }

    private void publish(String roomId, RoomMessage message) {
        events.publishAndWait(
                Topics.CHAT_ROOM,
                roomId,
                new RoomMessagePosted(
                        roomId,
                        message.seq(),
                        message.messageId(),
                        message.sender(),
                        message.text(),
                        message.attachments(),
                        message.sentAt()));
    }
}
