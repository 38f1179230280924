package io.parley.kit.auth;

import io.parley.security.InvalidTokenException;
import io.parley.security.KeySetUnavailableException;
import io.parley.security.StaffPrincipal;
import io.parley.security.StaffTokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Lets a staff member open a staff socket ({@code /ws/agent}, {@code /ws/rooms}) with a valid staff token,
 * checked as the HTTP filter checks it: from the Bearer header or the session cookie (the console), or an
 * {@code access_token} query parameter (scripts, which cannot always set headers on a socket). Anyone else
 * is answered 401 before the upgrade; 503 when the signing keys cannot be fetched. Where the service knows
 * sessions (presence), an ended session is refused too.
 */
public final class StaffSocketHandshake implements HandshakeInterceptor {

    private static final String PRINCIPAL = StaffSocketHandshake.class.getName() + ".staff";
    private static final Logger log = LoggerFactory.getLogger(StaffSocketHandshake.class);

    private final StaffTokenVerifier verifier;
    private final @Nullable SessionGuard sessions;

    public StaffSocketHandshake(StaffTokenVerifier verifier, @Nullable SessionGuard sessions) {
        this.verifier = verifier;
        this.sessions = sessions;
    }

    /** The staff member a socket was opened by. */
    public static StaffPrincipal staffOf(WebSocketSession session) {
        return (StaffPrincipal) session.getAttributes().get(PRINCIPAL);
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
            if (sessions != null && !sessions.isOpen(staff)) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                return false;
            }
            attributes.put(PRINCIPAL, staff);
            return true;
        } catch (KeySetUnavailableException e) {
            log.warn("Cannot check staff tokens: {}", e.reason());
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            return false;
        } catch (InvalidTokenException e) {
            log.debug("Refused a staff token on a socket: {}", e.reason());
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
