package io.parley.events.enquiry;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A new conversation became an enquiry. Everything routing needs to offer it, and the panel needs to show
 * it, is here; it waits until {@code deadline} at most.
 *
 * @param tagId the tag it is about (chosen in the Tag Directory, or behind a call-to-action button or web
 *     link), if any; routing offers it to the destinations serving that tag, else to those serving the
 *     channel account
 * @param firstMessage the message that opened it: the start of the transcript
 */
@EventType("enquiry.opened")
public record EnquiryOpened(
        String enquiryId,
        ConversationKey conversationKey,
        Channel channel,
        String channelAccountId,
        EnquiryType type,
        EntryPoint entryPoint,
        @Nullable String tagId,
        Customer customer,
        CustomerMessage firstMessage,
        Instant openedAt,
        Instant deadline)
        implements EnquiryEvent {

    public EnquiryOpened {
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entryPoint, "entryPoint");
        if (deadline.isBefore(openedAt)) {
            throw new IllegalArgumentException("deadline before openedAt");
        }
    }
}
