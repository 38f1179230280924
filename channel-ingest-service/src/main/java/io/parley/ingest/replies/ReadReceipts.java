package io.parley.ingest.replies;

import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.ingest.visitor.TranscriptEntry;
import io.parley.ingest.visitor.VisitorSession;
import io.parley.ingest.visitor.VisitorTranscript;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A visitor has read their conversation up to a sequence number: every reply up to it not yet reported read
 * is reported READ once (the report is published before the reply is marked, so a failure only repeats it).
 */
@Component
public class ReadReceipts {

    private final VisitorTranscript transcript;
    private final EventPublisher events;
    private final Clock clock;

    ReadReceipts(VisitorTranscript transcript, EventPublisher events, Clock clock) {
        this.transcript = transcript;
        this.events = events;
        this.clock = clock;
    }

    /** Reports the replies up to {@code seq} read; returns how many were newly read. */
    public int readUpTo(VisitorSession session, long seq) {
        Instant now = clock.instant();
        int read = 0;
        for (TranscriptEntry entry : transcript.unreadReplies(session.conversationId(), seq)) {
            if (entry.outboundMessageId() != null) {
                events.publishAndWait(
                        Topics.CHANNEL_DELIVERY_STATUS,
                        session.key(),
                        new DeliveryStatusChanged(
                                entry.outboundMessageId(),
                                session.key(),
                                entry.roomId(),
                                entry.roomSeq(),
                                DeliveryStatus.READ,
                                entry.id(),
                                null,
                                now));
            }
            transcript.markRead(entry, now);
            read++;
        }
        return read;
    }
}
