package io.parley.ingest.visitor;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.visitor.TranscriptEntry.From;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a visitor's messages into {@code InboundMessageReceived} on the WEB channel (account = the widget,
 * conversation key {@code web:<widgetId>:<conversationId>}, customer = the visitor) and answers only once
 * Kafka has acknowledged them; then the message joins the visitor's transcript. If Kafka does not take the
 * first message, the conversation is not started: its session is removed again.
 */
@Component
public class VisitorConversations {

    private final VisitorSessions sessions;
    private final VisitorTranscript transcript;
    private final EventPublisher events;
    private final Clock clock;

    VisitorConversations(VisitorSessions sessions, VisitorTranscript transcript, EventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.transcript = transcript;
        this.events = events;
        this.clock = clock;
    }

    /** A started conversation and the token that grants it; the token is shown this once. */
    public record Started(String conversationId, String visitorToken, long seq) {}

    /**
     * Starts a conversation on a widget with its first (already checked) message.
     *
     * @param tagId the tag the enquiry is about, null for a direct enquiry
     */
    public Started start(
            String widgetId,
            EntryPoint entryPoint,
            @Nullable String tagId,
            @Nullable String visitorName,
            @Nullable String email,
            String text) {
        String conversationId = UUID.randomUUID().toString();
        String token = VisitorTokens.newToken();
        ConversationKey key = new ConversationKey(Channel.WEB, widgetId, conversationId);
        Customer customer = new Customer(conversationId, visitorName == null ? "Visitor" : visitorName, null, email);
        VisitorSession session = new VisitorSession(
                VisitorTokens.hash(token),
                conversationId,
                widgetId,
                key.value(),
                entryPoint,
                tagId,
                customer,
                clock.instant());
        sessions.insert(session);
        TranscriptEntry first;
        try {
            first = send(session, text);
        } catch (RuntimeException e) {
            sessions.delete(session);
            throw e;
        }
        return new Started(conversationId, token, first.seq());
    }

    /** Sends an (already checked) visitor message of the session's conversation. */
    public TranscriptEntry send(VisitorSession session, String text) {
        Instant now = clock.instant();
        String messageId = "web-" + UUID.randomUUID();
        events.publishAndWait(
                Topics.CHANNEL_INBOUND_MESSAGE,
                session.key(),
                new InboundMessageReceived(
                        session.key(),
                        Channel.WEB,
                        session.widgetId(),
                        session.entryPoint(),
                        session.tagId(),
                        session.customer(),
                        messageId,
                        text,
                        List.of(),
                        now,
                        now));
        return transcript.append(
                session.conversationId(),
                new VisitorTranscript.Draft(
                        From.VISITOR,
                        session.customer().displayName(),
                        text,
                        now,
                        "in:" + messageId,
                        null,
                        null,
                        null));
    }
}
