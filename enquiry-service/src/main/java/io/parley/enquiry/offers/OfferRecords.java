package io.parley.enquiry.offers;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.kit.kafka.EventSubscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps each OPEN enquiry's {@code offeredTo} in step with routing's offers: created adds the staff member;
 * withdrawn removes them while the enquiry still waits (the staff member is no longer eligible, or the
 * destination changed). Withdrawals that come because the wait is over (accepted, taken by another, expired,
 * closed) change nothing: the enquiry has left OPEN, and only an OPEN enquiry's {@code offeredTo} decides an
 * accept, so its last offers stay on record. Both operations are set operations, so redelivery changes nothing.
 *
 * <p>Routing offers a new enquiry to every eligible staff member at once (about 70 in issue 8's load
 * benchmark), in one record; the records of one poll are recorded together, as one event per staff member:
 * one write per enquiry, adding and removing the staff members whose last event in the poll says so (the
 * same set as recording them one by one), instead of one write per offer. A consumer per partition keeps up
 * with routing, so an accept seldom races its own offer record.
 */
@Configuration(proxyBeanMethods = false)
class OfferRecords {

    @Bean
    EventSubscription<String, EnquiryOffersEvent> offerSubscription(Enquiries enquiries, OfferArrivals arrivals) {
        return EventSubscription.on(
                        Topics.ROUTING_OFFER,
                        (String enquiryId, Envelope<EnquiryOffersEvent> event) ->
                                record(enquiries, event.payload().perStaff()).forEach(arrivals::recorded))
                .inBatches(events -> record(
                                enquiries,
                                events.stream()
                                        .flatMap(keyed -> keyed.event().payload().perStaff().stream())
                                        .toList())
                        .forEach(arrivals::recorded))
                .withConsumerPerPartition();
    }

    /**
     * Records the offer events in their order: per enquiry, one write for the staff to add, one to remove.
     *
     * @return the enquiries whose offers were written
     */
    static Set<String> record(Enquiries enquiries, List<OfferEvent> events) {
        Map<String, Change> changes = changes(events);
        changes.forEach((enquiryId, change) -> {
            if (!change.added().isEmpty()) {
                enquiries.offered(enquiryId, change.added());
            }
            if (!change.removed().isEmpty()) {
                enquiries.withdrawn(enquiryId, change.removed());
            }
        });
        return changes.keySet();
    }

    /**
     * What the events change, per enquiry: the staff members whose last event (in the events' order) offers it
     * to them, and those whose last event withdraws it while it still waits. Applied as set operations, that
     * leaves what applying the events one by one leaves.
     */
    static Map<String, Change> changes(List<OfferEvent> events) {
        Map<String, Map<String, Boolean>> offeredByEnquiry = new LinkedHashMap<>();
        for (OfferEvent event : events) {
            switch (event) {
                case OfferCreated created ->
                    offeredByEnquiry
                            .computeIfAbsent(created.enquiryId(), id -> new LinkedHashMap<>())
                            .put(created.staffId(), true);
                case OfferWithdrawn withdrawn -> {
                    if (stillWaiting(withdrawn.reason())) {
                        offeredByEnquiry
                                .computeIfAbsent(withdrawn.enquiryId(), id -> new LinkedHashMap<>())
                                .put(withdrawn.staffId(), false);
                    }
                }
            }
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        offeredByEnquiry.forEach((enquiryId, offered) ->
                changes.put(enquiryId, new Change(staffWhere(offered, true), staffWhere(offered, false))));
        return changes;
    }

    /** The staff members to add to an enquiry's {@code offeredTo}, and those to remove. */
    record Change(List<String> added, List<String> removed) {}

    private static List<String> staffWhere(Map<String, Boolean> offered, boolean isOffered) {
        return offered.entrySet().stream()
                .filter(entry -> entry.getValue() == isOffered)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Whether the enquiry still waits after an offer withdrawn for this reason. */
    static boolean stillWaiting(OfferWithdrawn.Reason reason) {
        return switch (reason) {
            case ACCEPTED, TAKEN_BY_OTHER, EXPIRED, CLOSED -> false;
            case NOT_ELIGIBLE, DESTINATION_CHANGED -> true;
        };
    }
}
