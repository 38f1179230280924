package io.parley.presence.offers;

import io.parley.security.StaffPrincipal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/enquiries/offers}: the caller's Open Enquiry panel, oldest offer first. */
@RestController
class OffersController {

    private final OpenOffers offers;

    OffersController(OpenOffers offers) {
        this.offers = offers;
    }

    @GetMapping("/api/enquiries/offers")
    List<OfferView> mine(StaffPrincipal staff) {
        return offers.of(staff.staffId());
    }
}
