package io.parley.ingest.visitor.socket;

import io.parley.ingest.replies.ReadReceipts;
import io.parley.ingest.visitor.TranscriptAppended;
import io.parley.ingest.visitor.TranscriptEntry;
import io.parley.ingest.visitor.VisitorSession;
import io.parley.ingest.visitor.VisitorTranscript;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
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
 * The open visitor sockets of this instance. A socket is sent its conversation's messages strictly in
 * sequence order, each once: it remembers the last number it was sent and, whenever the transcript grows,
 * sends what follows from the transcript itself — so a push can never overtake, skip or repeat a message.
 * On connect: {@code hello}; {@code resume} after a number sends everything after it; {@code read} up to a
 * number reports those replies READ. An invalid token is closed with a policy violation.
 */
class VisitorSockets extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(VisitorSockets.class);

    private final Map<String, Set<Socket>> byConversation = new ConcurrentHashMap<>();
    private final VisitorTranscript transcript;
    private final ReadReceipts receipts;
    private final JsonMapper json;

    VisitorSockets(VisitorTranscript transcript, ReadReceipts receipts, JsonMapper json) {
        this.transcript = transcript;
        this.receipts = receipts;
        this.json = json;
    }

    /** One open socket and how far it has been sent. */
    private static final class Socket {

        final WebSocketSession session;
        final VisitorSession visitor;
        final ReentrantLock lock = new ReentrantLock();
        long lastSent;

        Socket(WebSocketSession session, VisitorSession visitor) {
            this.session = session;
            this.visitor = visitor;
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        VisitorSession visitor = visitorOf(raw);
        if (visitor == null) {
            raw.close(CloseStatus.POLICY_VIOLATION.withReason("invalid visitor token"));
            return;
        }
        Socket socket = new Socket(new ConcurrentWebSocketSessionDecorator(raw, 5_000, 512 * 1024), visitor);
        socket.lock.lock();
        try {
            byConversation.compute(visitor.conversationId(), (id, sockets) -> {
                Set<Socket> open = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
                open.add(socket);
                return open;
            });
            socket.lastSent = transcript.lastSeq(visitor.conversationId());
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("type", "hello");
            hello.put("conversationId", visitor.conversationId());
            hello.put("lastSeq", socket.lastSent);
            send(socket, hello);
        } finally {
            socket.lock.unlock();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        VisitorSession visitor = visitorOf(raw);
        if (visitor == null) {
            return;
        }
        byConversation.computeIfPresent(visitor.conversationId(), (id, sockets) -> {
            sockets.removeIf(s -> s.session.getId().equals(raw.getId()));
            return sockets.isEmpty() ? null : sockets;
        });
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage message) {
        Socket socket = socketOf(raw);
        if (socket == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            send(socket, Map.of("type", "error", "code", "socket.malformed-frame"));
            return;
        }
        switch (frame.path("type").asString("")) {
            case "resume" -> {
                if (!frame.path("after").canConvertToLong()) {
                    send(socket, Map.of("type", "error", "code", "socket.invalid-seq"));
                    return;
                }
                socket.lock.lock();
                try {
                    socket.lastSent = Math.max(0, frame.path("after").asLong());
                } finally {
                    socket.lock.unlock();
                }
                catchUp(socket);
            }
            case "read" -> {
                if (!frame.path("seq").canConvertToLong()) {
                    send(socket, Map.of("type", "error", "code", "socket.invalid-seq"));
                    return;
                }
                receipts.readUpTo(socket.visitor, frame.path("seq").asLong());
            }
            case "ping" -> send(socket, Map.of("type", "pong"));
            default -> send(socket, Map.of("type", "error", "code", "socket.unknown-frame"));
        }
    }

    @EventListener
    void transcriptAppended(TranscriptAppended appended) {
        for (Socket socket : byConversation.getOrDefault(appended.conversationId(), Set.of())) {
            catchUp(socket);
        }
    }

    /** Sends the socket everything after what it was last sent, in order. */
    private void catchUp(Socket socket) {
        socket.lock.lock();
        try {
            List<TranscriptEntry> next;
            do {
                next = transcript.after(socket.visitor.conversationId(), socket.lastSent);
                for (TranscriptEntry entry : next) {
                    Map<String, Object> frame = new LinkedHashMap<>();
                    frame.put("type", "message");
                    frame.put("message", entry.view());
                    if (!send(socket, frame)) {
                        return;
                    }
                    socket.lastSent = entry.seq();
                }
            } while (!next.isEmpty() && socket.session.isOpen());
        } catch (RuntimeException e) {
            log.warn("Catching up a visitor socket failed: {}", e.toString());
        } finally {
            socket.lock.unlock();
        }
    }

    private boolean send(Socket socket, Object frame) {
        if (!socket.session.isOpen()) {
            return false;
        }
        try {
            socket.session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("Sending to a visitor socket failed: {}", e.toString());
            return false;
        }
    }

    private @Nullable Socket socketOf(WebSocketSession raw) {
        VisitorSession visitor = visitorOf(raw);
        if (visitor == null) {
            return null;
        }
        return byConversation.getOrDefault(visitor.conversationId(), Set.of()).stream()
                .filter(s -> s.session.getId().equals(raw.getId()))
                .findFirst()
                .orElse(null);
    }

    private static @Nullable VisitorSession visitorOf(WebSocketSession session) {
        return session.getAttributes().get(VisitorHandshake.SESSION) instanceof VisitorSession visitor ? visitor : null;
    }
}
