package io.parley.chatroom.room;

import io.parley.events.AttachmentRef;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.Sender;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message as the room API and the room socket show it: {@code seq}, who wrote it, what, when, and — for a
 * staff message — how far its delivery got.
 */
public record MessageView(
        long seq,
        String id,
        Sender sender,
        @Nullable String text,
        List<AttachmentRef> attachments,
        Instant sentAt,
        @Nullable DeliveryStatus status,
        @Nullable DeliveryFailure failure) {

    public static MessageView of(RoomMessage message) {
        return new MessageView(
                message.seq(),
                message.messageId(),
                message.sender(),
                message.text(),
                message.attachments(),
                message.sentAt(),
                message.status(),
                message.failure());
    }
}
