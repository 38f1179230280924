package io.parley.enquiry.offers;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.enquiry.enquiries.Enquiry;
import io.parley.enquiry.enquiries.EnquiryState;
import io.parley.kit.wait.Awaited;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An accept may come before this service has recorded the offer it answers (the agent socket got it first):
 * the accept then waits for the record. It looks again as soon as this instance records an offer of the
 * enquiry, and every 250 ms for one recorded by another instance.
 */
@Component
public class OfferArrivals {

    private final Enquiries enquiries;
    private final Awaited<String> recorded = new Awaited<>(Duration.ofMillis(250));

    OfferArrivals(Enquiries enquiries) {
        this.enquiries = enquiries;
    }

    /** The enquiry once it is offered to the staff member or no longer open; empty if neither within {@code wait}. */
    public Optional<Enquiry> awaitOffer(String enquiryId, String staffId, Duration wait) {
        return recorded.await(
                enquiryId,
                wait,
                () -> enquiries
                        .byId(enquiryId)
                        .filter(enquiry -> enquiry.state() != EnquiryState.OPEN
                                || enquiry.offeredTo().contains(staffId)));
    }

    void recorded(String enquiryId) {
        recorded.signal(enquiryId);
    }
}
