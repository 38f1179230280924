package io.parley.enquiry.closing;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.enquiry.enquiries.LifecycleOutbox;
import io.parley.enquiry.intake.Conversations;
import io.parley.events.ConversationKey;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.chat.RoomClosed;
import io.parley.events.chat.RoomEvent;
import io.parley.events.enquiry.EnquiryClosed;
import io.parley.kit.kafka.EventSubscription;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * When chatroom-service closes a room, its enquiry closes too, and the conversation is free: the
 * customer's next message opens a new enquiry. A redelivered close matches nothing and changes nothing.
 */
@Component
class RoomClosings {

    private final Enquiries enquiries;
    private final Conversations conversations;
    private final LifecycleOutbox outbox;
    private final Clock clock;

    RoomClosings(Enquiries enquiries, Conversations conversations, LifecycleOutbox outbox, Clock clock) {
        this.enquiries = enquiries;
        this.conversations = conversations;
        this.outbox = outbox;
        this.clock = clock;
    }

    void apply(Envelope<RoomEvent> event) {
        if (!(event.payload() instanceof RoomClosed closed)) {
            return;
        }
        enquiries.byId(closed.enquiryId()).ifPresent(current -> {
            Instant now = clock.instant();
            String closedEvent = outbox.encode(new EnquiryClosed(
                    current.id(),
                    ConversationKey.parse(current.conversationKey()),
                    current.roomId(),
                    closed.closedBy(),
                    now));
            enquiries.close(current.id(), closed.closedBy(), now, closedEvent).ifPresent(enquiry -> {
                conversations.clearIfCurrent(enquiry.conversationKey(), enquiry.id());
                outbox.deliver(enquiry, closedEvent);
            });
        });
    }

    /** enquiry-service follows {@code chat.room.v1} for closings. */
    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        EventSubscription<String, RoomEvent> roomClosingsSubscription(RoomClosings closings) {
            return EventSubscription.on(Topics.CHAT_ROOM, (key, event) -> closings.apply(event))
                    .onlyTypes(RoomClosed.class)
                    .withConsumerPerPartition();
        }
    }
}
