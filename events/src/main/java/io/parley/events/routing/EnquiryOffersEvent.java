package io.parley.events.routing;

import java.util.List;

/**
 * Topic {@code routing.offer.v2} (keyed by enquiry id): one enquiry's offers appearing in and leaving the
 * panels of the staff members one routing decision concerns, in one record. (Version 1 carried one record per
 * staff member, keyed by staff id: about 140 records per conversation with 70 staff in a destination, the
 * largest stream of the suite; see docs/performance.md.)
 */
public sealed interface EnquiryOffersEvent permits OffersCreated, OffersWithdrawn {

    String enquiryId();

    /** The staff members concerned, never empty. */
    List<String> staffIds();

    /** The same change as one event per staff member, in {@link #staffIds()}'s order. */
    List<OfferEvent> perStaff();

    /** A record's staff ids, checked: an unmodifiable copy, never empty. */
    static List<String> staffIdsOf(List<String> staffIds) {
        List<String> copy = List.copyOf(staffIds);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("an offer record needs a staff member");
        }
        return copy;
    }
}
