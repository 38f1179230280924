package io.parley.enquiry.intake;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.enquiry.enquiries.Enquiry;
import io.parley.enquiry.enquiries.EnquiryState;
import io.parley.enquiry.enquiries.LifecycleOutbox;
import io.parley.enquiry.waiting.MaxWaits;
import io.parley.events.ConversationKey;
import io.parley.events.EnquiryType;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.channel.InboundMessageEvent;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.events.enquiry.CustomerMessage;
import io.parley.events.enquiry.EnquiryMessageAdded;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.kit.kafka.EventSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Takes in every customer message, one conversation at a time (the topic is keyed by conversation, so one
 * consumer owns each): a conversation without an enquiry being served opens one, with its deadline; a
 * message for an open or live enquiry is added to it; a re-delivered message (same platform message id)
 * changes nothing. A burst from a new customer therefore opens exactly one enquiry.
 */
@Component
public class Intake {

    private final Enquiries enquiries;
    private final Conversations conversations;
    private final MaxWaits maxWaits;
    private final LifecycleOutbox outbox;
    private final Clock clock;

    Intake(Enquiries enquiries, Conversations conversations, MaxWaits maxWaits, LifecycleOutbox outbox, Clock clock) {
        this.enquiries = enquiries;
        this.conversations = conversations;
        this.maxWaits = maxWaits;
        this.outbox = outbox;
        this.clock = clock;
    }

    void take(ConversationKey key, Envelope<InboundMessageEvent> envelope) {
        switch (envelope.payload()) {
            case InboundMessageReceived message -> take(message);
        }
    }

    private void take(InboundMessageReceived message) {
        String conversation = message.conversationKey().value();
        if (conversations.alreadyTaken(conversation, message.platformMessageId())) {
            return;
        }
        CustomerMessage customerMessage = new CustomerMessage(
                message.platformMessageId(), message.text(), message.attachments(), message.sentAt());
        Optional<Enquiry> current = conversations.currentEnquiry(conversation).flatMap(enquiries::byId);
        if (current.isPresent()
                && (current.get().state() == EnquiryState.OPEN
                        || current.get().state().live())) {
            Enquiry enquiry = current.get();
            String added = outbox.encode(new EnquiryMessageAdded(
                    enquiry.id(), message.conversationKey(), enquiry.roomId(), customerMessage));
            enquiries.queue(enquiry.id(), added).ifPresent(queued -> outbox.deliver(queued, added));
        } else {
            open(message, customerMessage);
        }
        conversations.taken(conversation, message.platformMessageId());
    }

    private void open(InboundMessageReceived message, CustomerMessage first) {
        Instant now = clock.instant();
        String enquiryId = enquiryId(message);
        EnquiryType type = message.entryPoint().isDirect() ? EnquiryType.DIRECT : EnquiryType.BROADCAST;
        Instant deadline =
                now.plus(maxWaits.forEnquiry(message.entryPoint(), tagOf(message), message.channelAccountId()));
        EnquiryOpened opened = new EnquiryOpened(
                enquiryId,
                message.conversationKey(),
                message.channel(),
                message.channelAccountId(),
                type,
                message.entryPoint(),
                tagOf(message),
                message.customer(),
                first,
                now,
                deadline);
        Enquiry enquiry = new Enquiry(
                enquiryId,
                message.conversationKey().value(),
                message.channel(),
                message.channelAccountId(),
                type,
                message.entryPoint(),
                opened.tagId(),
                message.customer(),
                first.text(),
                EnquiryState.OPEN,
                now,
                deadline,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(outbox.encode(opened)));
        // A redelivered opener finds its enquiry stored already, its event delivered or still in the outbox
        // (the relay sends it): all that is left is to point the conversation at it.
        if (enquiries.insert(enquiry)) {
            outbox.deliver(enquiry, enquiry.outbox().getFirst());
        } else {
            outbox.retry(enquiryId);
        }
        conversations.setCurrent(message.conversationKey().value(), enquiryId);
    }

    /** The tag behind a Tag Directory choice, a call-to-action button or a web link; none for channels. */
    private static @Nullable String tagOf(InboundMessageReceived message) {
        return message.tagId() != null
                ? message.tagId()
                : message.entryPoint().type() == io.parley.events.EntryPoint.Type.TAG
                        ? message.entryPoint().id()
                        : null;
    }

    /** Derived from the opening message, so a redelivered opener maps to the same enquiry. */
    static String enquiryId(InboundMessageReceived message) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((message.conversationKey().value() + "|" + message.platformMessageId())
                            .getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return "enq-" + HexFormat.of().formatHex(digest, 0, 12);
    }

    /** enquiry-service follows {@code channel.inbound-message.v1}, a consumer per partition. */
    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        EventSubscription<ConversationKey, InboundMessageEvent> inboundMessages(Intake intake) {
            return EventSubscription.on(Topics.CHANNEL_INBOUND_MESSAGE, intake::take)
                    .withConsumerPerPartition();
        }
    }
}
