package io.parley.ingest.welcome;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.EntryPoint;
import io.parley.events.Envelope;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.account.ChannelFields;
import io.parley.ingest.outbound.OutboundDispatcher;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * When an enquiry opens on a messaging channel this service sends to and its account has a welcome message
 * for it, that message is requested on {@code channel.outbound-message.v1} with purpose WELCOME: the
 * account's text for the enquiry's tag ({@code welcomeByTag}) when the enquiry is about a tag that has one,
 * else its {@code welcomeMessage}. A third-party account welcomes only when its setting {@code
 * welcomeEnabled} is {@code "true"}. The message's id is {@code welcome:<enquiryId>}, so a re-delivered
 * {@code EnquiryOpened} requests the same message and the dispatcher sends it once.
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

    /** A third-party system may greet its users itself: it opts in. */
    private static boolean welcomes(ChannelAccount account) {
        return account.channel() != Channel.THIRD_PARTY
                || "true".equals(account.settings().get(ChannelFields.WELCOME_ENABLED));
    }

    private static @Nullable String text(ChannelAccount account, @Nullable String tagId) {
        String byTag = tagId == null ? null : account.welcomeByTag().get(tagId);
        return byTag != null ? byTag : account.welcomeMessage();
    }

    /** The tag the enquiry is about: its own, else a Tag Directory entry point's. */
    private static @Nullable String tagOf(EnquiryOpened opened) {
        if (opened.tagId() != null) {
            return opened.tagId();
        }
        return opened.entryPoint().type() == EntryPoint.Type.TAG
                ? opened.entryPoint().id()
                : null;
    }

    private void welcome(EnquiryOpened opened) {
        ConversationKey key = opened.conversationKey();
        if (!dispatcher.sends(key.channel())) {
            return;
        }
        Optional<String> text = accounts.enabled(key.channel(), key.accountId())
                .filter(WelcomeMessages::welcomes)
                .flatMap(account -> Optional.ofNullable(text(account, tagOf(opened))))
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
