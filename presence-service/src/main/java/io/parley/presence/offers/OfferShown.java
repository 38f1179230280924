package io.parley.presence.offers;

/** An offer appeared in a staff member's panel. */
public record OfferShown(Offer offer) {}
