package io.parley.events.routing;

import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An enquiry is offered to a staff member: it shows in their Open Enquiry panel until {@code expiresAt}. One
 * staff member's part of an {@link OffersCreated} record.
 *
 * @param preview the start of the first message, for the panel
 */
public record OfferCreated(
        String staffId,
        String enquiryId,
        EnquiryType type,
        Channel channel,
        String channelAccountId,
        EntryPoint entryPoint,
        Customer customer,
        @Nullable String preview,
        Instant offeredAt,
        Instant expiresAt)
        implements OfferEvent {

    public OfferCreated {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(enquiryId, "enquiryId");
    }
}
