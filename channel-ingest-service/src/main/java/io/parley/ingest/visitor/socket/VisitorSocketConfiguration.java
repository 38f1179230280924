package io.parley.ingest.visitor.socket;

import io.parley.ingest.ChannelIngestSettings;
import io.parley.ingest.replies.ReadReceipts;
import io.parley.ingest.visitor.VisitorSessions;
import io.parley.ingest.visitor.VisitorTranscript;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/visitor}: plain JSON text frames. Browsers may open it from the sites of
 * {@code parley.widget.allowed-origins} (the gateway reads the same setting for its CORS rules) and from the
 * public origin itself (the web link pages). The default {@code *} admits any site, which is safe because the
 * token, not a cookie, is the credential; a list narrows it. A client that sends no Origin passes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class VisitorSocketConfiguration implements WebSocketConfigurer {

    private final VisitorSockets sockets;
    private final VisitorHandshake handshake;
    private final String[] allowedOrigins;

    VisitorSocketConfiguration(
            VisitorSockets sockets,
            VisitorSessions sessions,
            ChannelIngestSettings settings,
            @Value("${parley.widget.allowed-origins:*}") List<String> widgetOrigins) {
        this.sockets = sockets;
        this.handshake = new VisitorHandshake(sessions);
        this.allowedOrigins = VisitorHandshake.allowedOrigins(widgetOrigins, settings.publicBaseUrl());
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(sockets, "/ws/visitor").addInterceptors(handshake).setAllowedOriginPatterns(allowedOrigins);
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
