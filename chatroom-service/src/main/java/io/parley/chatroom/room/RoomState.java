package io.parley.chatroom.room;

/** WAITING (the enquiry is not yet accepted; the transcript grows) → OPEN (a live room) → CLOSED. */
public enum RoomState {
    WAITING,
    OPEN,
    CLOSED
}
