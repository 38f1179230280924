package io.parley.chatroom.socket;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.web.socket.WebSocketSession;

/**
 * One socket's interest in one room, with its cursor: the highest {@code seq} the client has. Everything sent
 * for it goes through its lock, so the backlog and live messages reach the client in order, once each.
 */
final class RoomSubscription {

    final WebSocketSession session;
    final String roomId;
    final String enquiryId;
    final ReentrantLock lock = new ReentrantLock();
    long cursor;

    RoomSubscription(WebSocketSession session, String roomId, String enquiryId, long cursor) {
        this.session = session;
        this.roomId = roomId;
        this.enquiryId = enquiryId;
        this.cursor = cursor;
    }
}
