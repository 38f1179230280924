package io.parley.events.routing;

/**
 * An offer appearing in or leaving one staff member's Open Enquiry panel: what each panel sees of an
 * {@link EnquiryOffersEvent} ({@link EnquiryOffersEvent#perStaff()}). Not a record of any topic itself.
 */
public sealed interface OfferEvent permits OfferCreated, OfferWithdrawn {

    String staffId();

    String enquiryId();
}
