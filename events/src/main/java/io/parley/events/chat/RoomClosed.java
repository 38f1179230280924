package io.parley.events.chat;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A room was closed; no more messages are accepted in it. */
@EventType("chat.room-closed")
public record RoomClosed(
        String roomId, String enquiryId, @Nullable String closedBy, Instant closedAt) implements RoomEvent {

    public RoomClosed {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(enquiryId, "enquiryId");
    }
}
