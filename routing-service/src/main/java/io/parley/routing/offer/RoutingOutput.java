package io.parley.routing.offer;

import io.parley.events.Envelope;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.RoutingTimeoutEvent;

/** What the router emits: an enquiry's offers changing for some staff members, or its waiting time running out. */
sealed interface RoutingOutput {

    record Offer(Envelope<EnquiryOffersEvent> event) implements RoutingOutput {}

    record Timeout(Envelope<RoutingTimeoutEvent> event) implements RoutingOutput {}
}
