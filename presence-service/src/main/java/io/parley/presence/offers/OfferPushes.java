package io.parley.presence.offers;

import io.parley.events.Topics;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.kit.kafka.EventFanOut;
import io.parley.kit.kafka.KafkaSettings;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every presence instance sees every offer change, so the agent sockets it holds get their pushes whichever
 * instance's consumer stored the change: an offer appears ({@link OfferShown}) unless already expired, and
 * leaves ({@link OfferGone}) with its reason. Clients recognise an offer pushed twice by its enquiry id.
 */
@Configuration(proxyBeanMethods = false)
class OfferPushes {

    @Bean
    EventFanOut<String, OfferEvent> offerPushFanOut(KafkaSettings kafka, ApplicationEventPublisher local, Clock clock) {
        return new EventFanOut<>(Topics.ROUTING_OFFER, kafka, (staffId, event) -> {
            switch (event.payload()) {
                case OfferCreated created -> {
                    if (created.expiresAt().isAfter(clock.instant())) {
                        local.publishEvent(new OfferShown(Offer.of(created)));
                    }
                }
                case OfferWithdrawn withdrawn ->
                    local.publishEvent(new OfferGone(withdrawn.staffId(), withdrawn.enquiryId(), withdrawn.reason()));
            }
        });
    }
}
