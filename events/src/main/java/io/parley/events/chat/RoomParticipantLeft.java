package io.parley.events.chat;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Someone left a room, e.g. after transferring it. */
@EventType("chat.participant-left")
public record RoomParticipantLeft(
        String roomId, String participantId, @Nullable String reason, Instant leftAt) implements RoomEvent {

    public RoomParticipantLeft {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(participantId, "participantId");
    }
}
