package io.parley.enquiry.enquiries;

import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * An enquiry as enquiry-service keeps it: where it came from, its state, whom it is offered to (as routing
 * says), and who serves it in which room.
 *
 * @param outbox the lifecycle events of its transitions that Kafka has not acknowledged yet, oldest first,
 *     as their wire JSON: written in the same single-document update as the transition itself, so no
 *     transition can happen without its event eventually going out ({@link LifecycleOutbox})
 */
public record Enquiry(
        @BsonId String id,
        String conversationKey,
        Channel channel,
        String channelAccountId,
        EnquiryType type,
        EntryPoint entryPoint,
        @Nullable String tagId,
        Customer customer,
        @Nullable String preview,
        EnquiryState state,
        Instant openedAt,
        Instant deadline,
        List<String> offeredTo,
        @Nullable String staffId,
        @Nullable String roomId,
        @Nullable Instant acceptedAt,
        @Nullable Instant missedAt,
        @Nullable Instant followedUpAt,
        @Nullable Instant closedAt,
        @Nullable String closedBy,
        List<String> outbox) {

    public Enquiry {
        offeredTo = offeredTo == null ? List.of() : List.copyOf(offeredTo);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }
}
