package io.parley.presence.offers;

import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.routing.OfferCreated;
import java.time.Instant;
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
}
