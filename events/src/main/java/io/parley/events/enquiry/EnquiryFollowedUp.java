package io.parley.events.enquiry;

import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** A staff member took up a missed enquiry; it became the room {@code roomId} with them. */
@EventType("enquiry.followed-up")
public record EnquiryFollowedUp(
        String enquiryId, ConversationKey conversationKey, String staffId, String roomId, Instant followedUpAt)
        implements EnquiryEvent {

    public EnquiryFollowedUp {
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(roomId, "roomId");
    }
}
