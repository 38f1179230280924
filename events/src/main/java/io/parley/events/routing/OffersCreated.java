package io.parley.events.routing;

import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An enquiry is offered to these staff members: it shows in their Open Enquiry panels until {@code expiresAt}.
 *
 * @param staffIds who is offered it now, never empty
 * @param preview the start of the first message, for the panel
 */
@EventType("routing.offers-created")
public record OffersCreated(
        List<String> staffIds,
        String enquiryId,
        EnquiryType type,
        Channel channel,
        String channelAccountId,
        EntryPoint entryPoint,
        Customer customer,
        @Nullable String preview,
        Instant offeredAt,
        Instant expiresAt)
        implements EnquiryOffersEvent {

    public OffersCreated {
        staffIds = EnquiryOffersEvent.staffIdsOf(staffIds);
        Objects.requireNonNull(enquiryId, "enquiryId");
    }

    @Override
    public List<OfferEvent> perStaff() {
        return staffIds.stream()
                .<OfferEvent>map(staffId -> new OfferCreated(
                        staffId,
                        enquiryId,
                        type,
                        channel,
                        channelAccountId,
                        entryPoint,
                        customer,
                        preview,
                        offeredAt,
                        expiresAt))
                .toList();
    }
}
