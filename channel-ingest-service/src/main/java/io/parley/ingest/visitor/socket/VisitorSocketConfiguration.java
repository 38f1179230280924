package io.parley.ingest.visitor.socket;

import io.parley.ingest.replies.ReadReceipts;
import io.parley.ingest.visitor.VisitorSessions;
import io.parley.ingest.visitor.VisitorTranscript;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/visitor}: plain JSON text frames. Any origin may open it — the widget is embedded in the
 * business's own sites — because the token, not a cookie, is the credential.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class VisitorSocketConfiguration implements WebSocketConfigurer {

    private final VisitorSockets sockets;
    private final VisitorHandshake handshake;

    VisitorSocketConfiguration(VisitorSockets sockets, VisitorSessions sessions) {
        this.sockets = sockets;
        this.handshake = new VisitorHandshake(sessions);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(sockets, "/ws/visitor").addInterceptors(handshake).setAllowedOriginPatterns("*");
    }

    /** Declared apart from the configurer so that its listeners are registered like any bean's. */
    @Configuration(proxyBeanMethods = false)
    static class Handler {

        @Bean
        VisitorSockets visitorSockets(VisitorTranscript transcript, ReadReceipts receipts, JsonMapper json) {
            return new VisitorSockets(transcript, receipts, json);
        }
    }
}
