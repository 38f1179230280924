package io.parley.events.enquiry;

import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** A transfer was not taken up (nobody accepted in time, or the target cannot serve); the chat stays put. */
@EventType("enquiry.transfer-failed")
public record EnquiryTransferFailed(
        String enquiryId, ConversationKey conversationKey, String roomId, String reason, Instant failedAt)
        implements EnquiryEvent {

    public EnquiryTransferFailed {
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(reason, "reason");
    }
}
