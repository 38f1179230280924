package io.parley.ingest.email;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.ingest.outbound.OutboundRecord;
import io.parley.ingest.outbound.OutboundRecords;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A delivery report that returns one of our replies marks that reply FAILED ({@code bounced}, with the remote
 * server's words): the Message-ID we gave the reply is its platform message id among the {@link
 * OutboundRecords}. Reports of mail we did not send, and delay warnings, change nothing.
 */
@Component
class Bounces {

    static final String BOUNCED = "bounced";
    private static final Logger log = LoggerFactory.getLogger(Bounces.class);

    private final OutboundRecords outbound;
    private final EventPublisher events;
    private final Clock clock;

    Bounces(OutboundRecords outbound, EventPublisher events, Clock clock) {
        this.outbound = outbound;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes the failure of the reply the report returns; false when it returns none of ours. */
    boolean report(String accountId, AutomatedMail.Bounce bounce) {
        if (!bounce.failed()) {
            return false;
        }
        for (String id : bounce.originalIds()) {
            Optional<OutboundRecord> ours = outbound.byPlatformMessageId(id);
            if (ours.isEmpty()) {
                continue;
            }
            OutboundRecord record = ours.get();
            ConversationKey key = ConversationKey.parse(record.conversationKey());
            if (key.channel() != Channel.EMAIL || !key.accountId().equals(accountId)) {
                continue;
            }
            events.publishAndWait(
                    Topics.CHANNEL_DELIVERY_STATUS,
                    key,
                    new DeliveryStatusChanged(
                            record.id(),
                            key,
                            record.roomId(),
                            record.roomSeq(),
                            DeliveryStatus.FAILED,
                            id,
                            new DeliveryFailure(
                                    BOUNCED, "The customer's mail server returned the email: " + bounce.reason(), true),
                            clock.instant()));
            log.info("Outbound {} of {} bounced", record.id(), key);
            return true;
        }
        return false;
    }
}
