package io.parley.presence.offers;

import io.parley.events.Topics;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.kit.kafka.EventFanOut;
import io.parley.kit.kafka.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every presence instance sees every offer change: it keeps {@link OpenOffers} up to date, and the agent
 * sockets it holds get their pushes: an offer appears ({@link OfferShown}) unless already expired, and
 * leaves ({@link OfferGone}) with its reason. Clients recognise an offer pushed twice by its enquiry id. At
 * start it reads the offer events of the last {@code parley.presence.offer-replay} (65 minutes: longer than
 * the longest wait a destination allows, 1 hour), so the view holds every offer still open.
 */
@Configuration(proxyBeanMethods = false)
class OfferPushes {

    @Bean
    EventFanOut<String, EnquiryOffersEvent> offerPushFanOut(
            KafkaSettings kafka,
            OpenOffers offers,
            ApplicationEventPublisher local,
            Clock clock,
            @Value("${parley.presence.offer-replay:65m}") Duration replay) {
        return EventFanOut.replaying(Topics.ROUTING_OFFER, kafka, replay, (enquiryId, event) -> {
            for (OfferEvent offer : event.payload().perStaff()) {
                offers.apply(offer);
                switch (offer) {
                    case OfferCreated created -> {
                        if (created.expiresAt().isAfter(clock.instant())) {
                            local.publishEvent(new OfferShown(Offer.of(created)));
                        }
                    }
                    case OfferWithdrawn withdrawn ->
                        local.publishEvent(
                                new OfferGone(withdrawn.staffId(), withdrawn.enquiryId(), withdrawn.reason()));
                }
            }
        });
    }
}
