package io.parley.ingest.outbound;

import io.parley.events.DeliveryFailure;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One outbound message of a messaging channel as this service handled it: claimed ({@code SENDING}), then
 * {@code SENT} with the platform's id or {@code FAILED}; {@code reported} once its status is in Kafka.
 *
 * @param id the {@code outboundMessageId} of the request
 */
public record OutboundRecord(
        @BsonId String id,
        String conversationKey,
        @Nullable String roomId,
        @Nullable Long roomSeq,
        State state,
        @Nullable String platformMessageId,
        @Nullable DeliveryFailure failure,
        boolean reported,
        Instant updatedAt) {

    /** Where the message is in its sending. */
    public enum State {
        SENDING,
        SENT,
        FAILED
    }
}
