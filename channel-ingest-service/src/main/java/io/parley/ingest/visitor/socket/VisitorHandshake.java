package io.parley.ingest.visitor.socket;

import io.parley.ingest.visitor.VisitorSessions;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * The origin patterns the socket admits: the widget's sites and the public origin (the web link pages are
     * served there, and the gateway passes the page's Origin on unchanged).
     */
    static String[] allowedOrigins(List<String> widgetOrigins, URI publicBaseUrl) {
        Set<String> origins = new LinkedHashSet<>();
        widgetOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).forEach(origins::add);
        origins.add(publicBaseUrl.getScheme() + "://" + publicBaseUrl.getRawAuthority());
        return origins.toArray(String[]::new);
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
