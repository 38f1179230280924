package io.parley.presence.offers;

import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The current offers of every staff member (the REST panel and a socket's first snapshot), kept in memory by
 * {@link OfferPushes} from {@code routing.offer.v1}: each presence instance reads every offer event anyway
 * to push it to the sockets it holds, and an offer lives at most as long as its enquiry waits, so after a
 * restart the view is rebuilt from the topic's recent events instead of being written to the store twice per
 * offer (issue 8's load benchmark: about 70 offers per new conversation, an insert and a delete each).
 * Idempotent: an offer created twice is one offer; a withdrawal of an offer that is not there changes
 * nothing. An offer past its expiry is not shown, and is forgotten at the next change of that staff member's
 * offers. One thread (the fan-out's) changes it; any thread reads it.
 */
@Component
public class OpenOffers {

    private static final Comparator<Offer> OLDEST_FIRST =
            Comparator.comparing(Offer::offeredAt).thenComparing(Offer::enquiryId);

    /** Staff id → enquiry id → offer. */
    private final Map<String, Map<String, Offer>> byStaff = new ConcurrentHashMap<>();

    private final Clock clock;

    OpenOffers(Clock clock) {
        this.clock = clock;
    }

    void apply(OfferEvent event) {
        switch (event) {
            case OfferCreated created -> {
                Offer offer = Offer.of(created);
                Map<String, Offer> offers = byStaff.computeIfAbsent(offer.staffId(), id -> new ConcurrentHashMap<>());
                offers.put(offer.enquiryId(), offer);
                forgetExpired(offers);
            }
            case OfferWithdrawn withdrawn ->
                byStaff.computeIfPresent(withdrawn.staffId(), (staffId, offers) -> {
                    offers.remove(withdrawn.enquiryId());
                    forgetExpired(offers);
                    return offers.isEmpty() ? null : offers;
                });
        }
    }

    private void forgetExpired(Map<String, Offer> offers) {
        Instant now = clock.instant();
        offers.values().removeIf(offer -> !offer.expiresAt().isAfter(now));
    }

    /** The staff member's offers that have not expired, oldest first. */
    public List<OfferView> of(String staffId) {
        Instant now = clock.instant();
        return byStaff.getOrDefault(staffId, Map.of()).values().stream()
                .filter(offer -> offer.expiresAt().isAfter(now))
                .sorted(OLDEST_FIRST)
                .map(OfferView::of)
                .toList();
    }
}
