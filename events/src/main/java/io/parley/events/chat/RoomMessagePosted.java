package io.parley.events.chat;

import io.parley.events.AttachmentRef;
import io.parley.events.EventType;
import io.parley.events.Lists;
import io.parley.events.Sender;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message took its place in a room. {@code seq} numbers a room's messages 1, 2, 3… with no gap, so a
 * client that reconnects asks for everything after the last {@code seq} it has.
 */
@EventType("chat.message-posted")
public record RoomMessagePosted(
        String roomId,
        long seq,
        String messageId,
        Sender sender,
        @Nullable String text,
        List<AttachmentRef> attachments,
        Instant sentAt)
        implements RoomEvent {

    public RoomMessagePosted {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
        attachments = Lists.copyOrEmpty(attachments);
    }
}
