package io.parley.routing.offer;

import io.parley.events.Envelope;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.RoutingTimeoutEvent;

/** What the router emits: an offer change for one staff member, or an enquiry's waiting time running out. */
sealed interface RoutingOutput {

    record Offer(Envelope<OfferEvent> event) implements RoutingOutput {}

    record Timeout(Envelope<RoutingTimeoutEvent> event) implements RoutingOutput {}
}
