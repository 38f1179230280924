package io.parley.ingest.replies;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.OutboundMessageEvent;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.visitor.TranscriptEntry;
import io.parley.ingest.visitor.TranscriptEntry.From;
import io.parley.ingest.visitor.VisitorSession;
import io.parley.ingest.visitor.VisitorSessions;
import io.parley.ingest.visitor.VisitorTranscript;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers outbound messages of WEB conversations (other channels have their own connectors): the reply
 * joins the visitor's transcript once, however often it is delivered, and is then DELIVERED — stored, pushed
 * to the visitor's open sockets and readable over REST. A reply for a conversation this service never
 * started is FAILED with {@code unknown-conversation}.
 */
@Component
public class WebReplies {

    private static final Logger log = LoggerFactory.getLogger(WebReplies.class);

    private final VisitorSessions sessions;
    private final VisitorTranscript transcript;
    private final EventPublisher events;
    private final Clock clock;

    WebReplies(VisitorSessions sessions, VisitorTranscript transcript, EventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.transcript = transcript;
        this.events = events;
        this.clock = clock;
    }

    /** The service group's handler of {@code channel.outbound-message.v1}: store, then report. */
    void deliver(ConversationKey key, Envelope<OutboundMessageEvent> event) {
        switch (event.payload()) {
            case OutboundMessageRequested reply -> {
                if (reply.conversationKey().channel() != Channel.WEB) {
                    return;
                }
                Optional<TranscriptEntry> stored = store(reply, event.occurredAt());
                if (stored.isEmpty()) {
                    log.info("No web visitor for {}: reply {} failed", key, reply.outboundMessageId());
                }
                DeliveryStatusChanged status = stored.map(entry -> new DeliveryStatusChanged(
                                reply.outboundMessageId(),
                                reply.conversationKey(),
                                reply.roomId(),
                                reply.roomSeq(),
                                DeliveryStatus.DELIVERED,
                                entry.id(),
                                null,
                                clock.instant()))
                        .orElseGet(() -> new DeliveryStatusChanged(
                                reply.outboundMessageId(),
                                reply.conversationKey(),
                                reply.roomId(),
                                reply.roomSeq(),
                                DeliveryStatus.FAILED,
                                null,
                                new DeliveryFailure(
                                        "unknown-conversation", "This web conversation is not known", false),
                                clock.instant()));
                events.publishAndWait(Topics.CHANNEL_DELIVERY_STATUS, reply.conversationKey(), status);
            }
        }
    }

    /**
     * Adds a WEB reply to its visitor's transcript (once) and returns it as stored; empty when the
     * conversation is not one of this service's visitors.
     */
    Optional<TranscriptEntry> store(OutboundMessageRequested reply, Instant receivedAt) {
        ConversationKey key = reply.conversationKey();
        Optional<VisitorSession> session = sessions.byConversation(key.externalUserId())
                .filter(s -> s.conversationKey().equals(key.value()));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        From from = switch (reply.sender().kind()) {
            case STAFF -> From.STAFF;
            case SYSTEM -> From.SYSTEM;
            case CUSTOMER -> From.VISITOR;
        };
        return Optional.of(transcript.append(
                session.get().conversationId(),
                new VisitorTranscript.Draft(
                        from,
                        reply.sender().name(),
                        reply.text(),
                        reply.requestedAt() == null ? receivedAt : reply.requestedAt(),
                        "out:" + reply.outboundMessageId(),
                        reply.outboundMessageId(),
                        reply.roomId(),
                        reply.roomSeq())));
    }
}
