package io.parley.events.channel;

import io.parley.events.ConversationKey;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of an outbound message. A failure carries the reason the agent sees beside the message.
 *
 * @param platformMessageId the platform's id of the sent message, once known
 * @param failure why it failed, when {@code status} is {@link DeliveryStatus#FAILED}
 */
@EventType("channel.delivery-status-changed")
public record DeliveryStatusChanged(
        String outboundMessageId,
        ConversationKey conversationKey,
        @Nullable String roomId,
        @Nullable Long roomSeq,
        DeliveryStatus status,
        @Nullable String platformMessageId,
        @Nullable DeliveryFailure failure,
        Instant at)
        implements DeliveryStatusEvent {

    public DeliveryStatusChanged {
        Objects.requireNonNull(outboundMessageId, "outboundMessageId");
        Objects.requireNonNull(status, "status");
        if (status == DeliveryStatus.FAILED && failure == null) {
            throw new IllegalArgumentException("a failed delivery needs its failure reason");
        }
    }
}
