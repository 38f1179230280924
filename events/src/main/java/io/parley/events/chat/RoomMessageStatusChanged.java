package io.parley.events.chat;

import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The delivery status of a staff message in a room changed (sent, delivered, read, failed with a reason). */
@EventType("chat.message-status-changed")
public record RoomMessageStatusChanged(
        String roomId,
        long seq,
        DeliveryStatus status,
        @Nullable DeliveryFailure failure,
        Instant at) implements RoomEvent {

    public RoomMessageStatusChanged {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(status, "status");
    }
}
