package io.parley.events.enquiry;

import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The enquiry ended; the next message of the conversation opens a new one.
 *
 * @param roomId its room, if it had one
 * @param closedBy the staff id who closed it, or null when the system did
 */
@EventType("enquiry.closed")
public record EnquiryClosed(
        String enquiryId,
        ConversationKey conversationKey,
        @Nullable String roomId,
        @Nullable String closedBy,
        Instant closedAt)
        implements EnquiryEvent {

    public EnquiryClosed {
        Objects.requireNonNull(enquiryId, "enquiryId");
    }
}
