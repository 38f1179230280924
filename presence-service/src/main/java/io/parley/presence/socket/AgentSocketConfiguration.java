package io.parley.presence.socket;

import io.parley.kit.auth.SessionGuard;
import io.parley.kit.auth.StaffSocketHandshake;
import io.parley.presence.PresenceSettings;
import io.parley.presence.availability.StaffPresence;
import io.parley.presence.offers.OpenOffers;
import io.parley.security.StaffTokenVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/agent}: plain JSON text frames; browsers only from {@code parley.presence.allowed-origins} (a
 * client that sends no Origin, such as a script, is not a browser page and passes on its token alone).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class AgentSocketConfiguration implements WebSocketConfigurer {

    private final AgentSockets sockets;
    private final StaffSocketHandshake handshake;
    private final PresenceSettings settings;

    AgentSocketConfiguration(
            AgentSockets sockets, StaffTokenVerifier verifier, SessionGuard sessions, PresenceSettings settings) {
        this.sockets = sockets;
        this.handshake = new StaffSocketHandshake(verifier, sessions);
        this.settings = settings;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(sockets, "/ws/agent")
                .addInterceptors(handshake)
                .setAllowedOrigins(settings.allowedOrigins().toArray(String[]::new));
    }

    /** Declared apart from the configurer so that its listeners are registered like any bean's. */
    @Configuration(proxyBeanMethods = false)
    static class Handler {

        @Bean
        AgentSockets agentSockets(StaffPresence presence, OpenOffers offers, JsonMapper json) {
            return new AgentSockets(presence, offers, json);
        }
    }
}
