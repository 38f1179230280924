package io.parley.enquiry.offers;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.events.Topics;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps each enquiry's {@code offeredTo} in step with routing's offers: created adds the staff member,
 * withdrawn (for any reason) removes them. Both are set operations, so redelivery changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class OfferRecords {

    @Bean
    EventSubscription<String, OfferEvent> offerSubscription(Enquiries enquiries) {
        return EventSubscription.on(Topics.ROUTING_OFFER, (staffId, event) -> {
            switch (event.payload()) {
                case OfferCreated created -> enquiries.offered(created.enquiryId(), created.staffId());
                case OfferWithdrawn withdrawn -> enquiries.withdrawn(withdrawn.enquiryId(), withdrawn.staffId());
            }
        });
    }
}
