package io.parley.ingest.welcome;

import io.parley.events.ConversationKey;
import io.parley.events.Envelope;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.outbound.OutboundDispatcher;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * When an enquiry opens on a messaging channel this service sends to (Messenger, WhatsApp, LINE, third party
 * so far) and its account has a welcome message — a third-party account enables it by having one — that
 * message is requested on {@code channel.outbound-message.v1} with
 * purpose WELCOME. Its id is {@code welcome:<enquiryId>}, so a re-delivered {@code EnquiryOpened} requests the
 * same message and the dispatcher sends it once.
 */
@Component
class WelcomeMessages {

    private final ChannelAccounts accounts;
    private final OutboundDispatcher dispatcher;
    private final EventPublisher events;
    private final Clock clock;

    WelcomeMessages(ChannelAccounts accounts, OutboundDispatcher dispatcher, EventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.dispatcher = dispatcher;
        this.events = events;
        this.clock = clock;
    }

    static String outboundMessageId(String enquiryId) {
        return "welcome:" + enquiryId;
    }

    void onLifecycle(String enquiryId, Envelope<EnquiryEvent> event) {
        if (event.payload() instanceof EnquiryOpened opened) {
            welcome(opened);
        }
    }

    private void welcome(EnquiryOpened opened) {
        ConversationKey key = opened.conversationKey();
        if (!dispatcher.sends(key.channel())) {
            return;
        }
        Optional<String> text = accounts.enabled(key.channel(), key.accountId())
                .map(ChannelAccount::welcomeMessage)
                .filter(message -> !message.isBlank());
        text.ifPresent(message -> events.publishAndWait(
                Topics.CHANNEL_OUTBOUND_MESSAGE,
                key,
                new OutboundMessageRequested(
                        outboundMessageId(opened.enquiryId()),
                        key,
                        OutboundMessageRequested.Purpose.WELCOME,
                        null,
                        null,
                        Sender.system(),
                        message,
                        List.of(),
                        clock.instant())));
    }
}
