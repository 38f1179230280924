package io.parley.chatroom.socket;

import io.parley.chatroom.ChatroomSettings;
import io.parley.kit.auth.SessionGuard;
import io.parley.kit.auth.StaffSocketHandshake;
import io.parley.security.StaffTokenVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * {@code /ws/rooms}: plain JSON text frames; browsers only from {@code parley.chatroom.allowed-origins} (a
 * client that sends no Origin, such as a script, is not a browser page and passes on its token alone).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RoomSocketConfiguration implements WebSocketConfigurer {

    private final RoomSockets sockets;
    private final StaffSocketHandshake handshake;
    private final ChatroomSettings settings;

    RoomSocketConfiguration(
            RoomSockets sockets,
            StaffTokenVerifier verifier,
            ObjectProvider<SessionGuard> sessions,
            ChatroomSettings settings) {
        this.sockets = sockets;
        this.handshake = new StaffSocketHandshake(verifier, sessions.getIfAvailable());
        this.settings = settings;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(sockets, "/ws/rooms")
                .addInterceptors(handshake)
                .setAllowedOrigins(settings.allowedOrigins().toArray(String[]::new));
    }

    /** Each instance's own reader of {@code chat.room.v1} for its sockets. */
    @Configuration(proxyBeanMethods = false)
    static class Feed {

        @Bean
        LiveRoomFeed liveRoomFeed(
                ConsumerFactory<Object, Object> consumerFactory,
                RoomSockets sockets,
                ChatroomSettings settings,
                @Value("${spring.application.name}") String service) {
            return new LiveRoomFeed(consumerFactory, sockets, settings, service);
        }
    }
}
