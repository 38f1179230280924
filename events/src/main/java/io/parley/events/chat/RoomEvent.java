package io.parley.events.chat;

/** Topic {@code chat.room.v1} (keyed by room id): a room's life and its ordered messages. */
public sealed interface RoomEvent
        permits RoomOpened,
                RoomMessagePosted,
                RoomMessageStatusChanged,
                RoomParticipantJoined,
                RoomParticipantLeft,
                RoomClosed {

    String roomId();
}
