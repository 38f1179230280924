package io.parley.ingest.visitor.socket;

import io.parley.ingest.visitor.VisitorSessions;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Finds the conversation of the {@code token} query parameter (a browser cannot set headers on a socket).
 * The upgrade always proceeds; without a valid token the socket is then closed with a policy violation, so
 * every client sees the same clear refusal.
 */
final class VisitorHandshake implements HandshakeInterceptor {

    static final String SESSION = "visitorSession";

    private final VisitorSessions sessions;

    VisitorHandshake(VisitorSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            sessions.byToken(servlet.getServletRequest().getParameter("token"))
                    .ifPresent(session -> attributes.put(SESSION, session));
        }
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            @Nullable Exception exception) {}
}
