package io.parley.routing.offer;

import io.parley.events.Envelope;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.presence.StaffStatusEvent;
import io.parley.events.routing.DestinationEvent;

/**
 * Everything the router reacts to, merged into one ordered stream: an enquiry's transition, a staff
 * member's availability, or a destination or tag snapshot.
 */
sealed interface RoutingInput {

    record Enquiry(Envelope<EnquiryEvent> event) implements RoutingInput {}

    record Staff(String staffId, Envelope<StaffStatusEvent> event) implements RoutingInput {}

    record Destination(String id, Envelope<DestinationEvent> event) implements RoutingInput {}
}
