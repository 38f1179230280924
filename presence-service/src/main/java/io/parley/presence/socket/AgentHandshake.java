package io.parley.presence.socket;

import io.parley.kit.auth.SessionGuard;
import io.parley.kit.auth.StaffAuthenticationFilter;
import io.parley.security.InvalidTokenException;
import io.parley.security.StaffPrincipal;
import io.parley.security.StaffTokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Lets a staff member open the agent socket with a valid token of an open session, from the session cookie
 * (the console) or an {@code access_token} query parameter (scripts, which cannot set headers on every
 * socket client). Anyone else is answered 401 before the upgrade.
 */
final class AgentHandshake implements HandshakeInterceptor {

    static final String PRINCIPAL = "staff";

    private final StaffTokenVerifier verifier;
    private final SessionGuard sessions;

    AgentHandshake(StaffTokenVerifier verifier, SessionGuard sessions) {
        this.verifier = verifier;
        this.sessions = sessions;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        String token =
                request instanceof ServletServerHttpRequest servlet ? tokenOf(servlet.getServletRequest()) : null;
        if (token == null) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        try {
            StaffPrincipal staff = verifier.verify(token);
            if (!sessions.isOpen(staff)) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            attributes.put(PRINCIPAL, staff);
            return true;
        } catch (InvalidTokenException e) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
    }

    private static @Nullable String tokenOf(HttpServletRequest request) {
        String token = StaffAuthenticationFilter.tokenOf(request);
        if (token != null) {
            return token;
        }
        String query = request.getParameter("access_token");
        return query == null || query.isBlank() ? null : query;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            @Nullable Exception exception) {}
}
