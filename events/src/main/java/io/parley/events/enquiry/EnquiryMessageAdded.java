package io.parley.events.enquiry;

import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Another customer message for an enquiry: still waiting (then {@code roomId} is null) or already in a room.
 */
@EventType("enquiry.message-added")
public record EnquiryMessageAdded(
        String enquiryId,
        ConversationKey conversationKey,
        @Nullable String roomId,
        CustomerMessage message) implements EnquiryEvent {

    public EnquiryMessageAdded {
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(message, "message");
    }
}
