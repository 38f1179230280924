package io.parley.launcher;

import io.parley.chatroom.ChatroomServiceApplication;
import io.parley.enquiry.EnquiryServiceApplication;
import io.parley.ingest.ChannelIngestServiceApplication;
import io.parley.presence.PresenceServiceApplication;
import io.parley.routing.RoutingServiceApplication;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The five back-end services, in the order of their standard ports, and the gateway setting that finds each. */
public enum Service {
    CHANNEL_INGEST("channel-ingest-service", "channel-ingest", ChannelIngestServiceApplication::application),
    ROUTING("routing-service", "routing", RoutingServiceApplication::application),
    ENQUIRY("enquiry-service", "enquiry", EnquiryServiceApplication::application),
    CHATROOM("chatroom-service", "chatroom", ChatroomServiceApplication::application),
    PRESENCE("presence-service", "presence", PresenceServiceApplication::application);

    private final String module;
    private final String gatewayKey;
    private final Supplier<SpringApplicationBuilder> application;

    Service(String module, String gatewayKey, Supplier<SpringApplicationBuilder> application) {
        this.module = module;
        this.gatewayKey = gatewayKey;
        this.application = application;
    }

    /** The module and application name, e.g. {@code enquiry-service}. */
    public String module() {
        return module;
    }

    /** The key under {@code parley.gateway} that holds this service's addresses. */
    String gatewayKey() {
        return gatewayKey;
    }

    SpringApplicationBuilder application() {
        return application.get();
    }
}
