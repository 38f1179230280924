package io.parley.events.routing;

import io.parley.events.ConversationKey;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * Nobody accepted the enquiry by its deadline. Emitted by wall-clock punctuation, so it comes even when no
 * other traffic arrives; {@code firedAt - deadline} is the lateness operators watch.
 */
@EventType("routing.wait-expired")
public record EnquiryWaitExpired(String enquiryId, ConversationKey conversationKey, Instant deadline, Instant firedAt)
        implements RoutingTimeoutEvent {

    public EnquiryWaitExpired {
        Objects.requireNonNull(enquiryId, "enquiryId");
    }
}
