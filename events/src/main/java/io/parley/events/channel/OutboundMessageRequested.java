package io.parley.events.channel;

import io.parley.events.AttachmentRef;
import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import io.parley.events.Lists;
import io.parley.events.Sender;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message for channel-ingest-service to send through the customer's platform.
 *
 * @param outboundMessageId our id of this message: delivery statuses refer to it, and it keeps a
 *     re-delivered request from being sent twice
 * @param purpose why it is sent
 * @param roomId the room it was written in, if any (welcome messages precede the room)
 * @param roomSeq its sequence number in that room, if any
 */
@EventType("channel.outbound-requested")
public record OutboundMessageRequested(
        String outboundMessageId,
        ConversationKey conversationKey,
        Purpose purpose,
        @Nullable String roomId,
        @Nullable Long roomSeq,
        Sender sender,
        @Nullable String text,
        List<AttachmentRef> attachments,
        Instant requestedAt)
        implements OutboundMessageEvent {

    /** Why a message goes out. */
    public enum Purpose {
        REPLY,
        WELCOME,
        MISSED_NOTICE,
        SYSTEM
    }

    public OutboundMessageRequested {
        Objects.requireNonNull(outboundMessageId, "outboundMessageId");
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(purpose, "purpose");
        attachments = Lists.copyOrEmpty(attachments);
    }
}
