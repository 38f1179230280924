package io.parley.presence.socket;

import io.parley.kit.auth.StaffSocketHandshake;
import io.parley.presence.auth.SessionEnded;
import io.parley.presence.availability.StaffPresence;
import io.parley.presence.availability.StaffStatusUpdated;
import io.parley.presence.offers.OfferGone;
import io.parley.presence.offers.OfferShown;
import io.parley.presence.offers.OfferView;
import io.parley.presence.offers.OpenOffers;
import io.parley.security.StaffPrincipal;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open agent sockets of this presence instance, by staff member. On connect a socket gets a snapshot
 * (status and offers); then the staff member's status changes and offers created or withdrawn as they
 * happen. A {@code ping} counts as activity and is answered {@code pong}. A logout closes the session's
 * sockets (close code {@value #SESSION_ENDED}).
 */
class AgentSockets extends TextWebSocketHandler {

    static final int SESSION_ENDED = 4001;
    private static final Logger log = LoggerFactory.getLogger(AgentSockets.class);

    private final Map<String, Set<WebSocketSession>> byStaff = new ConcurrentHashMap<>();
    private final StaffPresence presence;
    private final OpenOffers offers;
    private final JsonMapper json;

    AgentSockets(StaffPresence presence, OpenOffers offers, JsonMapper json) {
        this.presence = presence;
        this.offers = offers;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        StaffPrincipal staff = staffOf(raw);
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, 5_000, 512 * 1024);
        byStaff.computeIfAbsent(staff.staffId(), id -> ConcurrentHashMap.newKeySet())
                .add(session);
        presence.socketConnected(staff.staffId());
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("type", "snapshot");
        snapshot.put("status", presence.view(staff.staffId()));
        snapshot.put("offers", offers.of(staff.staffId()));
        send(session, snapshot);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        StaffPrincipal staff = staffOf(raw);
        Set<WebSocketSession> sessions = byStaff.get(staff.staffId());
        if (sessions != null) {
            sessions.removeIf(s -> s.getId().equals(raw.getId()));
        }
        presence.socketClosed(staff.staffId());
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        StaffPrincipal staff = staffOf(raw);
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            sendTo(staff.staffId(), raw.getId(), Map.of("type", "error", "code", "socket.malformed-frame"));
            return;
        }
        if ("ping".equals(frame.path("type").asString(""))) {
            presence.recordActivity(staff.staffId());
            sendTo(staff.staffId(), raw.getId(), Map.of("type", "pong"));
        }
    }

    @EventListener
    void statusChanged(StaffStatusUpdated updated) {
        broadcast(updated.status().staffId(), Map.of("type", "status", "status", updated.status()));
    }

    @EventListener
    void offerShown(OfferShown shown) {
        broadcast(shown.offer().staffId(), Map.of("type", "offer.created", "offer", OfferView.of(shown.offer())));
    }

    @EventListener
    void offerGone(OfferGone gone) {
        broadcast(
                gone.staffId(),
                Map.of("type", "offer.withdrawn", "enquiryId", gone.enquiryId(), "reason", gone.reason()));
    }

    @EventListener
    void sessionEnded(SessionEnded ended) {
        for (WebSocketSession session : byStaff.getOrDefault(ended.staffId(), Set.of())) {
            if (ended.sessionId().equals(staffOf(session).sessionId())) {
                try {
                    session.close(new CloseStatus(SESSION_ENDED, "logged out"));
                } catch (IOException e) {
                    log.debug("Closing a socket failed: {}", e.toString());
                }
            }
        }
    }

    private void broadcast(String staffId, Object frame) {
        byStaff.getOrDefault(staffId, Set.of()).forEach(session -> send(session, frame));
    }

    private void sendTo(String staffId, String sessionId, Object frame) {
        byStaff.getOrDefault(staffId, Set.of()).stream()
                .filter(s -> s.getId().equals(sessionId))
                .forEach(s -> send(s, frame));
    }

    private void send(WebSocketSession session, Object frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | RuntimeException e) {
            log.debug("Sending to an agent socket failed: {}", e.toString());
        }
    }

    private static StaffPrincipal staffOf(WebSocketSession session) {
        return StaffSocketHandshake.staffOf(session);
    }
}
