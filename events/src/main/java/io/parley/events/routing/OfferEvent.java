package io.parley.events.routing;

/** Topic {@code routing.offer.v1} (keyed by staff id): offers appearing in and leaving a staff member's panel. */
public sealed interface OfferEvent permits OfferCreated, OfferWithdrawn {

    String staffId();

    String enquiryId();
}
