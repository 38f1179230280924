package io.parley.events.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * An offer left a staff member's panel, with the short reason the panel shows. One staff member's part of an
 * {@link OffersWithdrawn} record.
 */
public record OfferWithdrawn(String staffId, String enquiryId, Reason reason, Instant withdrawnAt)
        implements OfferEvent {

    /** Why an offer was withdrawn. */
    public enum Reason {
        /** This staff member accepted it. */
        ACCEPTED,
        /** Another staff member accepted it first. */
        TAKEN_BY_OTHER,
        /** Its waiting time ran out. */
        EXPIRED,
        /** The enquiry was closed. */
        CLOSED,
        /** The staff member is no longer ACTIVE, connected, or below capacity. */
        NOT_ELIGIBLE,
        /** The destination changed and no longer gives this staff member the enquiry. */
        DESTINATION_CHANGED
    }

    public OfferWithdrawn {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(reason, "reason");
    }
}
