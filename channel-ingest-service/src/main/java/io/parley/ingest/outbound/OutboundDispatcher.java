package io.parley.ingest.outbound;

import io.parley.events.Channel;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.outbound.OutboundRecord.State;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends each outbound message of a messaging channel once, through its channel's {@link ChannelSender} and
 * {@link OutboundResilience} (its retries of transient failures happen inside the one claim), and reports
 * SENT (with the platform's id) or FAILED. A re-delivered request finds its claim: it is not sent
 * again, only its status is published if that had not yet happened. A claim left by a crash in the middle
 * of a send is not retried (at most once: a customer never gets a reply twice; the agent sees no status).
 * A conversation whose account is unknown, disabled or of another channel fails with {@code unknown-account}.
 */
@Component
public class OutboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final ChannelAccounts accounts;
    private final OutboundRecords records;
    private final EventPublisher events;
    private final OutboundResilience resilience;
    private final Clock clock;

    OutboundDispatcher(
            List<ChannelSender> senders,
            ChannelAccounts accounts,
            OutboundRecords records,
            EventPublisher events,
            OutboundResilience resilience,
            Clock clock) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.accounts = accounts;
        this.records = records;
        this.events = events;
        this.resilience = resilience;
        this.clock = clock;
    }

    /** Whether some connector here sends this channel's messages. */
    public boolean sends(Channel channel) {
        return senders.containsKey(channel);
    }

    /** Sends the message (once) and publishes its status; a no-op for channels without a connector. */
    public void dispatch(OutboundMessageRequested message) {
        ChannelSender sender = senders.get(message.conversationKey().channel());
        if (sender == null) {
            log.debug("No connector for {}: {} not sent here", message.conversationKey(), message.outboundMessageId());
            return;
        }
        // The claim is the check: a redelivered request finds its record there, and is at most reported again.
        Optional<OutboundRecord> claim = records.claim(message, clock.instant());
        if (claim.isEmpty()) {
            records.byId(message.outboundMessageId()).ifPresent(record -> reportAgain(message, record));
            return;
        }
        OutboundRecord claimed = claim.get();
        ChannelSender.Outcome outcome = account(message)
                .map(account -> send(sender, account, message))
                .orElseGet(() -> new ChannelSender.Failed(new DeliveryFailure(
                        "unknown-account", "This conversation's channel account is missing or disabled", true)));
        OutboundRecord finished = records.finish(claimed, outcome, clock.instant());
        if (outcome instanceof ChannelSender.Failed failed) {
            log.info(
                    "Outbound {} to {} failed: {}",
                    message.outboundMessageId(),
                    message.conversationKey(),
                    failed.failure().code());
        }
        report(message, finished);
    }

    private ChannelSender.Outcome send(ChannelSender sender, ChannelAccount account, OutboundMessageRequested message) {
        ChannelSender.Outcome outcome = resilience.send(account, () -> sender.send(account, message));
        if (outcome instanceof ChannelSender.Failed failed) {
            return new ChannelSender.Failed(sender.undelivered(account, message, failed.failure()));
        }
        return outcome;
    }

    private Optional<ChannelAccount> account(OutboundMessageRequested message) {
        return accounts.enabled(
                message.conversationKey().channel(), message.conversationKey().accountId());
    }

    private void reportAgain(OutboundMessageRequested message, OutboundRecord record) {
        if (record.state() == State.SENDING) {
            log.warn("Outbound {} was claimed before and not finished: not sent again", record.id());
        } else if (!record.reported()) {
            report(message, record);
        } else {
            log.debug("Outbound {} was handled before", record.id());
        }
    }

    private void report(OutboundMessageRequested message, OutboundRecord record) {
        events.publishAndWait(
                Topics.CHANNEL_DELIVERY_STATUS,
                message.conversationKey(),
                new DeliveryStatusChanged(
                        message.outboundMessageId(),
                        message.conversationKey(),
                        message.roomId(),
                        message.roomSeq(),
                        record.state() == State.SENT ? DeliveryStatus.SENT : DeliveryStatus.FAILED,
                        record.platformMessageId(),
                        record.failure(),
                        clock.instant()));
        records.markReported(record.id(), clock.instant());
    }
}
