package io.parley.events.enquiry;

import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A staff member asked to hand a live chat to another staff member or tag; the offer waits until {@code deadline}. */
@EventType("enquiry.transfer-requested")
public record EnquiryTransferRequested(
        String enquiryId,
        ConversationKey conversationKey,
        String roomId,
        String fromStaffId,
        TransferTarget target,
        @Nullable String note,
        Instant requestedAt,
        Instant deadline)
        implements EnquiryEvent {

    public EnquiryTransferRequested {
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(target, "target");
    }
}
