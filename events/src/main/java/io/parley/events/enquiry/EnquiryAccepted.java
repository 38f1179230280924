package io.parley.events.enquiry;

import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** The first staff member to accept got the enquiry; the room {@code roomId} is theirs with the customer. */
@EventType("enquiry.accepted")
public record EnquiryAccepted(
        String enquiryId, ConversationKey conversationKey, String staffId, String roomId, Instant acceptedAt)
        implements EnquiryEvent {

    public EnquiryAccepted {
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(roomId, "roomId");
    }
}
