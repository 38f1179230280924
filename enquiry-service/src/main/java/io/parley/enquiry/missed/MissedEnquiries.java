package io.parley.enquiry.missed;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.enquiry.enquiries.Enquiry;
import io.parley.enquiry.enquiries.LifecycleOutbox;
import io.parley.enquiry.intake.Conversations;
import io.parley.events.ConversationKey;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.enquiry.EnquiryFollowedUp;
import io.parley.events.enquiry.EnquiryMissed;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.RoutingTimeoutEvent;
import io.parley.kit.kafka.EventSubscription;
import io.parley.kit.web.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * An enquiry still OPEN when routing reports its waiting time over becomes MISSED (one conditional update,
 * so it can never be both accepted and missed). A staff member can follow a missed enquiry up: it becomes
 * a room with them — unless the customer has written again since, which opened a newer enquiry.
 */
@Service
public class MissedEnquiries {

    private final Enquiries enquiries;
    private final Conversations conversations;
    private final LifecycleOutbox outbox;
    private final Clock clock;

    MissedEnquiries(Enquiries enquiries, Conversations conversations, LifecycleOutbox outbox, Clock clock) {
        this.enquiries = enquiries;
        this.conversations = conversations;
        this.outbox = outbox;
        this.clock = clock;
    }

    void expired(Envelope<RoutingTimeoutEvent> event) {
        switch (event.payload()) {
            case EnquiryWaitExpired expired -> {
                Instant now = clock.instant();
                String missed = outbox.encode(
                        new EnquiryMissed(expired.enquiryId(), expired.conversationKey(), expired.deadline(), now));
                enquiries.miss(expired.enquiryId(), now, missed).ifPresent(enquiry -> outbox.deliver(enquiry, missed));
            }
        }
    }

    /** Returns the new room's id. */
    public String followUp(String enquiryId, String staffId) {
        Enquiry enquiry = enquiries
                .byId(enquiryId)
                .orElseThrow(() -> Problem.notFound("enquiry.not-found", "No enquiry " + enquiryId));
        if (!conversations.isCurrent(enquiry.conversationKey(), enquiryId)) {
            throw Problem.conflict(
                    "enquiry.superseded", "The customer has written again since; serve the newer enquiry");
        }
        Instant now = clock.instant();
        String roomId = "room-" + UUID.randomUUID();
        String followedUp = outbox.encode(new EnquiryFollowedUp(
                enquiryId, ConversationKey.parse(enquiry.conversationKey()), staffId, roomId, now));
        Enquiry followed = enquiries
                .followUp(enquiryId, staffId, roomId, now, followedUp)
                .orElseThrow(() -> Problem.conflict("enquiry.not-missed", "Only a missed enquiry can be followed up"));
        outbox.deliver(followed, followedUp);
        return roomId;
    }

    /** enquiry-service follows {@code routing.timeout.v1}. */
    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        EventSubscription<String, RoutingTimeoutEvent> timeouts(MissedEnquiries missed) {
            return EventSubscription.on(Topics.ROUTING_TIMEOUT, (key, event) -> missed.expired(event));
        }
    }
}
