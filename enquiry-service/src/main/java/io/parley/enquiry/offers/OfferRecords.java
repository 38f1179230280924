package io.parley.enquiry.offers;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.events.Topics;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps each OPEN enquiry's {@code offeredTo} in step with routing's offers: created adds the staff member;
 * withdrawn removes them while the enquiry still waits (the staff member is no longer eligible, or the
 * destination changed). Withdrawals that come because the wait is over (accepted, taken by another, expired,
 * closed) change nothing: the enquiry has left OPEN, and only an OPEN enquiry's {@code offeredTo} decides an
 * accept, so its last offers stay on record. That spares the store one write per offer, half of what routing's
 * offers cost here (issue 8's load benchmark: with a destination of N staff, every accepted enquiry's N
 * withdrawals were N document updates). Both operations are set operations, so redelivery changes nothing,
 * and offers of different staff for one enquiry can be recorded at once: a consumer per partition
 * keep up with routing, so an accept seldom races its own offer record.
 */
@Configuration(proxyBeanMethods = false)
class OfferRecords {

    @Bean
    EventSubscription<String, OfferEvent> offerSubscription(Enquiries enquiries) {
        return EventSubscription.on(Topics.ROUTING_OFFER, (staffId, event) -> {
                    switch (event.payload()) {
                        case OfferCreated created -> enquiries.offered(created.enquiryId(), created.staffId());
                        case OfferWithdrawn withdrawn -> {
                            if (stillWaiting(withdrawn.reason())) {
                                enquiries.withdrawn(withdrawn.enquiryId(), withdrawn.staffId());
                            }
                        }
                    }
                })
                .withConsumerPerPartition();
    }

    /** Whether the enquiry still waits after an offer withdrawn for this reason. */
    static boolean stillWaiting(OfferWithdrawn.Reason reason) {
        return switch (reason) {
            case ACCEPTED, TAKEN_BY_OTHER, EXPIRED, CLOSED -> false;
            case NOT_ELIGIBLE, DESTINATION_CHANGED -> true;
        };
    }
}
