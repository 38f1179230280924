package io.parley.presence.offers;

import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.events.routing.OffersCreated;
import io.parley.events.routing.OffersWithdrawn;
import io.parley.kit.kafka.EventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Offers for tests: a broadcast WhatsApp enquiry on tag {@code sales}, with a fresh enquiry id. */
public final class OfferMother {

    private OfferMother() {}

    public static OfferCreated offer(String staffId, Instant offeredAt, Instant expiresAt) {
        return new OfferCreated(
                staffId,
                "enq-" + UUID.randomUUID(),
                EnquiryType.BROADCAST,
                Channel.WHATSAPP,
                "demo-phone",
                new EntryPoint(EntryPoint.Type.TAG, "sales", "Sales"),
                new Customer("85291234567", "Customer Name", "https://img.example/c.png", null),
                "Hello, I need help",
                offeredAt,
                expiresAt);
    }

    /** Publishes one staff member's offer event as routing writes it: a record of its own, keyed by its enquiry. */
    public static void publish(EventPublisher publisher, OfferEvent event) {
        publisher.publishAndWait(Topics.ROUTING_OFFER, event.enquiryId(), record(event));
    }

    private static EnquiryOffersEvent record(OfferEvent event) {
        return switch (event) {
            case OfferCreated c ->
                new OffersCreated(
                        List.of(c.staffId()),
                        c.enquiryId(),
                        c.type(),
                        c.channel(),
                        c.channelAccountId(),
                        c.entryPoint(),
                        c.customer(),
                        c.preview(),
                        c.offeredAt(),
                        c.expiresAt());
            case OfferWithdrawn w ->
                new OffersWithdrawn(List.of(w.staffId()), w.enquiryId(), w.reason(), w.withdrawnAt());
        };
    }
}
