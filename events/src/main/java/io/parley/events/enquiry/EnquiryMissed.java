package io.parley.events.enquiry;

import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** Nobody accepted the enquiry before its deadline; it waits in the missed list for a follow-up. */
@EventType("enquiry.missed")
public record EnquiryMissed(String enquiryId, ConversationKey conversationKey, Instant deadline, Instant missedAt)
        implements EnquiryEvent {

    public EnquiryMissed {
        Objects.requireNonNull(enquiryId, "enquiryId");
    }
}
