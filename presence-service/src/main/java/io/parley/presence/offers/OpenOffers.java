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
 * {@link OfferPushes} from {@code routing.offer.v2}: each presence instance reads every offer event anyway
 * to push it to the sockets it holds, and an offer lives at most as long as its enquiry waits, so after a
 * restart the view is rebuilt from the topic's recent events instead of being written to the store twice per
 * offer (issue 8's load benchmark: about 70 offers per new conversation, an insert and a delete each).
 * Idempotent: an offer created twice is one offer; a withdrawal of an offer that is not there changes
 * nothing. An offer past its expiry is not shown, and is forgotten within a second or so. One thread (the
 * fan-out's) changes it; any thread reads it.
 */
@Component
public class OpenOffers {

    private static final Comparator<Offer> OLDEST_FIRST =
            Comparator.comparing(Offer::offeredAt).thenComparing(Offer::enquiryId);

    /** Staff id → enquiry id → offer. */
    private final Map<String, Map<String, Offer>> byStaff = new ConcurrentHashMap<>();

    private final Clock clock;
    private Instant nextSweep = Instant.EPOCH;

    OpenOffers(Clock clock) {
        this.clock = clock;
    }

    void apply(OfferEvent event) {
        switch (event) {
            case OfferCreated created -> {
                Offer offer = Offer.of(created);
                byStaff.computeIfAbsent(offer.staffId(), id -> new ConcurrentHashMap<>())
                        .put(offer.enquiryId(), offer);
            }
            case OfferWithdrawn withdrawn ->
                byStaff.computeIfPresent(withdrawn.staffId(), (staffId, offers) -> {
                    offers.remove(withdrawn.enquiryId());
                    return offers.isEmpty() ? null : offers;
                });
        }
        forgetExpiredEverySecond();
    }

    /**
     * Drops expired offers (routing withdraws them, but a withdrawal can be missed: a replay window that
     * starts between an offer and its withdrawal, say), at most once a second: a staff member can hold
     * hundreds of offers under load, too many to look through at every change.
     */
    private void forgetExpiredEverySecond() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plusSeconds(1);
        byStaff.forEach((staffId, offers) -> {
            offers.values().removeIf(offer -> !offer.expiresAt().isAfter(now));
            byStaff.computeIfPresent(staffId, (id, left) -> left.isEmpty() ? null : left);
        });
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
