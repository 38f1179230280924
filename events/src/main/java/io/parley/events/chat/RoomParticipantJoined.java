package io.parley.events.chat;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** Someone joined a room (a transfer's target, a supervisor). */
@EventType("chat.participant-joined")
public record RoomParticipantJoined(String roomId, Participant participant, Instant joinedAt) implements RoomEvent {

    public RoomParticipantJoined {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(participant, "participant");
    }
}
