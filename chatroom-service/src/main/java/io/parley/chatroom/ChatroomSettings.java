package io.parley.chatroom;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * chatroom-service's settings ({@code parley.chatroom.*}).
 *
 * @param roomGrace how long a request for an unknown room id waits before {@code 404 room.not-found}: the
 *     room id comes back from the accept a moment before this service has consumed {@code EnquiryAccepted}
 * @param allowedOrigins the browser origins that may open the room socket (a client that sends no Origin, such
 *     as a script, passes on its token alone)
 * @param liveReplay how far back each instance starts reading {@code chat.room.v1} for its sockets; live
 *     events older than this are never needed, because a subscription fills gaps from the store
 */
@ConfigurationProperties("parley.chatroom")
public record ChatroomSettings(
        @DefaultValue("2s") Duration roomGrace,
        @DefaultValue("http://localhost:8080") List<String> allowedOrigins,
        @DefaultValue("30s") Duration liveReplay) {

    public ChatroomSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
