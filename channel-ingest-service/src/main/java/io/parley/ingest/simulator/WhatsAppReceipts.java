package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.events.DeliveryStatus;
import io.parley.ingest.account.ChannelAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WhatsApp tells the business when its message reached the customer's phone and when it was read. Here the
 * customer's phone is the page: once the page has fetched a business message, the simulator sends the {@code
 * delivered} and then the {@code read} statuses webhook for it, in the background. A message younger than a
 * second waits for the next fetch, so that the sender has stored the platform's id the status refers to.
 */
@Component
class WhatsAppReceipts {

    static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(WhatsAppReceipts.class);

    private final WhatsAppCustomer whatsApp;
    private final OwnWebhooks own;
    private final Clock clock;
    private final Bounded<String, Boolean> reported = new Bounded<>(5000);

    WhatsAppReceipts(WhatsAppCustomer whatsApp, OwnWebhooks own, Clock clock) {
        this.whatsApp = whatsApp;
        this.own = own;
        this.clock = clock;
    }

    /** The page has shown these messages of the conversation to the customer. */
    void shown(ChannelAccount account, String customerId, List<Transcripts.Entry> entries) {
        if (account.channel() != Channel.WHATSAPP) {
            return;
        }
        Instant settled = clock.instant().minus(SETTLE);
        List<String> ids;
        synchronized (reported) {
            ids = entries.stream()
                    .filter(entry -> entry.from() == Transcripts.From.BUSINESS)
                    .filter(entry ->
                            entry.platformMessageId() != null && entry.at().isBefore(settled))
                    .map(Transcripts.Entry::platformMessageId)
                    .filter(id -> reported.putIfAbsent(id, Boolean.TRUE) == null)
                    .toList();
        }
        if (ids.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("simulator-whatsapp-receipts").start(() -> {
            for (DeliveryStatus status : List.of(DeliveryStatus.DELIVERED, DeliveryStatus.READ)) {
                OwnWebhooks.Answer answer =
                        own.post(whatsApp.statuses(account, customerId, ids, status, clock.instant()));
                if (answer.status() != 200) {
                    log.info("The WhatsApp {} statuses webhook was answered {}", status, answer.status());
                }
            }
        });
    }
}
