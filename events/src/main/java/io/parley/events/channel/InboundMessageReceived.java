package io.parley.events.channel;

import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EntryPoint;
import io.parley.events.EventType;
import io.parley.events.Lists;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's message, verified and normalised by its channel connector, durably in Kafka before the
 * platform's webhook is answered.
 *
 * @param conversationKey the conversation it belongs to (its channel and account repeated below)
 * @param entryPoint where the conversation came in (tag, staff member, link, channel account)
 * @param tagId the tag it is about: chosen in the Tag Directory, or behind a call-to-action button or a web
 *     link (the web channel resolves those); null for a direct enquiry or a messaging channel
 * @param platformMessageId the platform's own id of the message: the key for deduplicating re-deliveries
 * @param text the text, if any (a message may be attachments only)
 * @param sentAt when the customer sent it, by the platform's clock
 * @param receivedAt when Parley received it
 */
@EventType("channel.message-received")
public record InboundMessageReceived(
        ConversationKey conversationKey,
        Channel channel,
        String channelAccountId,
        EntryPoint entryPoint,
        @Nullable String tagId,
        Customer customer,
        String platformMessageId,
        @Nullable String text,
        List<AttachmentRef> attachments,
        Instant sentAt,
        Instant receivedAt)
        implements InboundMessageEvent {

    public InboundMessageReceived {
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(platformMessageId, "platformMessageId");
        if (conversationKey.channel() != channel || !conversationKey.accountId().equals(channelAccountId)) {
            throw new IllegalArgumentException(
                    "channel and account must match the conversation key " + conversationKey);
        }
        attachments = Lists.copyOrEmpty(attachments);
    }
}
