package io.parley.chatroom.socket;

import io.parley.chatroom.room.MessageView;
import io.parley.chatroom.room.Room;
import io.parley.chatroom.room.RoomLookup;
import io.parley.chatroom.room.RoomMessage;
import io.parley.chatroom.room.RoomState;
import io.parley.chatroom.room.Rooms;
import io.parley.chatroom.room.Transcripts;
import io.parley.events.chat.RoomClosed;
import io.parley.events.chat.RoomEvent;
import io.parley.events.chat.RoomMessagePosted;
import io.parley.events.chat.RoomMessageStatusChanged;
import io.parley.events.chat.RoomOpened;
import io.parley.events.chat.RoomParticipantJoined;
import io.parley.events.chat.RoomParticipantLeft;
import io.parley.kit.auth.StaffSocketHandshake;
import io.parley.security.StaffPrincipal;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The room sockets of this instance. A client sends {@code {"type":"subscribe","roomId":…,"after":<last seq
 * it has>}} and gets {@code subscribed}, every message after that seq from the store, then each new one as
 * {@code chat.room.v1} reports it. The store, not the event, is what is sent: a live event only says "there
 * is more after your cursor", so an event that arrives early, late, twice or not at all still leaves the
 * client with every message once, in {@code seq} order. Delivery statuses of messages the client has go out
 * as {@code status}, the room's end as {@code closed}. Only the room's participants and supervisors may
 * subscribe.
 */
@Component
public class RoomSockets extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(RoomSockets.class);
    private static final int PAGE = 500;
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 8 * 1024 * 1024;

    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<RoomSubscription>> byRoom = new ConcurrentHashMap<>();
    private final RoomLookup lookup;
    private final Rooms rooms;
    private final Transcripts transcripts;
    private final JsonMapper json;

    RoomSockets(RoomLookup lookup, Rooms rooms, Transcripts transcripts, JsonMapper json) {
        this.lookup = lookup;
        this.rooms = rooms;
        this.transcripts = transcripts;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        sessions.put(raw.getId(), new ConcurrentWebSocketSessionDecorator(raw, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        sessions.remove(raw.getId());
        byRoom.values().forEach(subs -> subs.removeIf(sub -> sub.session.getId().equals(raw.getId())));
        byRoom.entrySet().removeIf(entry -> entry.getValue().isEmpty());
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        WebSocketSession session = sessions.getOrDefault(raw.getId(), raw);
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            send(session, error("request.malformed", "A frame is a JSON object with a type", null));
            return;
        }
        switch (frame.path("type").asString("")) {
            case "subscribe" -> subscribe(session, frame);
            case "unsubscribe" -> unsubscribe(session, frame.path("roomId").asString(""));
            case "ping" -> send(session, Map.of("type", "pong"));
            default -> send(session, error("socket.unknown-frame", "Send subscribe, unsubscribe or ping", null));
        }
    }

    private void subscribe(WebSocketSession session, JsonNode frame) {
        String roomId = frame.path("roomId").asString("");
        JsonNode afterNode = frame.path("after");
        if (roomId.isBlank() || !(afterNode.isMissingNode() || afterNode.isNull() || afterNode.canConvertToLong())) {
            send(session, error("request.invalid", "subscribe needs a roomId and, optionally, after (a seq)", null));
            return;
        }
        long after = afterNode.canConvertToLong() ? afterNode.asLong() : 0;
        if (after < 0) {
            send(session, error("request.invalid", "after must be at least 0", roomId));
            return;
        }
        StaffPrincipal staff = StaffSocketHandshake.staffOf(session);
        Optional<Room> found = lookup.await(roomId);
        if (found.isEmpty()) {
            send(session, error("room.not-found", "No room " + roomId, roomId));
            return;
        }
        Room room = found.get();
        if (!RoomLookup.mayEnter(room, staff)) {
            send(session, error("room.forbidden", "You are not in this room", roomId));
            return;
        }
        RoomSubscription subscription = new RoomSubscription(session, roomId, room.enquiryId(), after);
        subscription.lock.lock();
        try {
            unsubscribe(session, roomId);
            byRoom.computeIfAbsent(roomId, id -> ConcurrentHashMap.newKeySet()).add(subscription);
            Map<String, Object> subscribed = new LinkedHashMap<>();
            subscribed.put("type", "subscribed");
            subscribed.put("roomId", roomId);
            subscribed.put("after", after);
            send(session, subscribed);
            catchUp(subscription);
            Room now = rooms.byEnquiryId(room.enquiryId()).orElse(room);
            if (now.state() == RoomState.CLOSED) {
                send(session, closed(roomId, now.closedBy(), now.closedAt()));
            }
        } finally {
            subscription.lock.unlock();
        }
    }

    private void unsubscribe(WebSocketSession session, String roomId) {
        Set<RoomSubscription> subs = byRoom.get(roomId);
        if (subs != null) {
            subs.removeIf(sub -> sub.session.getId().equals(session.getId()));
        }
    }

    /** What {@code chat.room.v1} says about a room, for this instance's subscribers of that room. */
    void onRoomEvent(RoomEvent event) {
        switch (event) {
            case RoomMessagePosted posted ->
                each(posted.roomId(), sub -> {
                    if (posted.seq() > sub.cursor) {
                        catchUp(sub);
                    }
                });
            case RoomMessageStatusChanged changed ->
                each(changed.roomId(), sub -> {
                    // A message the client has not got yet will carry its status when it is sent.
                    if (changed.seq() <= sub.cursor) {
                        Map<String, Object> frame = new LinkedHashMap<>();
                        frame.put("type", "status");
                        frame.put("roomId", changed.roomId());
                        frame.put("seq", changed.seq());
                        frame.put("status", changed.status());
                        frame.put("failure", changed.failure());
                        frame.put("at", changed.at());
                        send(sub.session, frame);
                    }
                });
            case RoomClosed closedRoom ->
                each(closedRoom.roomId(), sub -> {
                    catchUp(sub);
                    send(sub.session, closed(closedRoom.roomId(), closedRoom.closedBy(), closedRoom.closedAt()));
                });
            case RoomOpened opened -> {
                // Nobody can have subscribed to a room before it opened.
            }
            case RoomParticipantJoined joined -> {
                // Participants are read from the room API.
            }
            case RoomParticipantLeft left -> {
                // Participants are read from the room API.
            }
        }
    }

    private void each(String roomId, Consumer<RoomSubscription> action) {
        for (RoomSubscription sub : byRoom.getOrDefault(roomId, Set.of())) {
            sub.lock.lock();
            try {
                if (sub.session.isOpen()) {
                    action.accept(sub);
                }
            } finally {
                sub.lock.unlock();
            }
        }
    }

    /** Sends everything the store has after the subscription's cursor, moving the cursor. Under its lock. */
    private void catchUp(RoomSubscription sub) {
        List<RoomMessage> page;
        do {
            page = transcripts.after(sub.enquiryId, sub.cursor, PAGE);
            for (RoomMessage message : page) {
                Map<String, Object> frame = new LinkedHashMap<>();
                frame.put("type", "message");
                frame.put("roomId", sub.roomId);
                frame.put("message", MessageView.of(message));
                if (!send(sub.session, frame)) {
                    return;
                }
                sub.cursor = message.seq();
            }
        } while (page.size() == PAGE);
    }

    private static Map<String, Object> closed(String roomId, @Nullable String closedBy, @Nullable Object closedAt) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "closed");
        frame.put("roomId", roomId);
        frame.put("closedBy", closedBy);
        frame.put("closedAt", closedAt);
        return frame;
    }

    private static Map<String, Object> error(String code, String title, @Nullable String roomId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("title", title);
        if (roomId != null) {
            frame.put("roomId", roomId);
        }
        return frame;
    }

    private boolean send(WebSocketSession session, Object frame) {
        if (!session.isOpen()) {
            return false;
        }
        try {
            session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("Sending to a room socket failed: {}", e.toString());
            return false;
        }
    }
}
