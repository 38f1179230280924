package io.parley.presence.offers;

import io.parley.events.routing.OfferWithdrawn;

/** An offer left a staff member's panel, with routing's reason. */
public record OfferGone(String staffId, String enquiryId, OfferWithdrawn.Reason reason) {}
