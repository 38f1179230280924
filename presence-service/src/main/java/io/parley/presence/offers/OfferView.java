package io.parley.presence.offers;

import io.parley.events.Channel;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of the Open Enquiry panel, as API.md shows it. */
public record OfferView(
        String enquiryId,
        EnquiryType type,
        Channel channel,
        EntryPoint entryPoint,
        CustomerView customer,
        @Nullable String preview,
        Instant offeredAt,
        Instant expiresAt) {

    /** Who is asking, as far as the channel tells. */
    public record CustomerView(
            @Nullable String name, @Nullable String avatarUrl) {}

    public static OfferView of(Offer offer) {
        return new OfferView(
                offer.enquiryId(),
                offer.type(),
                offer.channel(),
                offer.entryPoint(),
                new CustomerView(offer.customerName(), offer.customerAvatarUrl()),
                offer.preview(),
                offer.offeredAt(),
                offer.expiresAt());
    }
}
