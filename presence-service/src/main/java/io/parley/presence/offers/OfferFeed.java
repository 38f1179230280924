package io.parley.presence.offers;

import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.routing.OfferEvent;
import io.parley.kit.kafka.EventSubscription;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps {@link OpenOffers} up to date from {@code routing.offer.v1} (keyed by staff id). A consumer per partition
 * of the topic: one staff member's offers stay in order, while each waits on the store for a
 * different staff member's (with one consumer, offers reached the sockets 9-15 s late at 20 new
 * conversations/s to 60 staff, issue 8's load benchmark). The events of a poll are stored with one bulk
 * write: routing offers a new enquiry to every eligible staff member at once (about 70 in that benchmark).
 */
@Configuration(proxyBeanMethods = false)
class OfferFeed {

    @Bean
    EventSubscription<String, OfferEvent> offerFeedSubscription(OpenOffers offers) {
        return EventSubscription.on(
                        Topics.ROUTING_OFFER,
                        (String staffId, Envelope<OfferEvent> event) -> offers.apply(List.of(event.payload())))
                .inBatches(events -> offers.apply(
                        events.stream().map(keyed -> keyed.event().payload()).toList()))
                .withConsumerPerPartition();
    }
}
