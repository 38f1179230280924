package io.parley.events.routing;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An enquiry's offers left these staff members' panels, all for the same reason (a decision with several
 * reasons, such as an accept, writes a record per reason).
 *
 * @param staffIds whose offers are withdrawn, never empty
 */
@EventType("routing.offers-withdrawn")
public record OffersWithdrawn(
        List<String> staffIds, String enquiryId, OfferWithdrawn.Reason reason, Instant withdrawnAt)
        implements EnquiryOffersEvent {

    public OffersWithdrawn {
        staffIds = EnquiryOffersEvent.staffIdsOf(staffIds);
        Objects.requireNonNull(enquiryId, "enquiryId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public List<OfferEvent> perStaff() {
        return staffIds.stream()
                .<OfferEvent>map(staffId -> new OfferWithdrawn(staffId, enquiryId, reason, withdrawnAt))
                .toList();
    }
}
