package io.parley.enquiry.accept;

import io.parley.enquiry.enquiries.Enquiries;
import io.parley.enquiry.enquiries.Enquiry;
import io.parley.enquiry.enquiries.EnquiryState;
import io.parley.enquiry.enquiries.LifecycleOutbox;
import io.parley.enquiry.offers.OfferArrivals;
import io.parley.events.ConversationKey;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.kit.web.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * First accept wins: one conditional update moves the enquiry from OPEN to ONGOING, only for a staff member
 * it is offered to and only before its deadline; everyone else gets a 409 saying why. The staff member may
 * have seen the offer (through presence) before this service recorded it, so an accept that finds no offer
 * waits for it ({@link OfferArrivals}, at most {@code parley.enquiry.offer-grace}) before answering
 * {@code enquiry.not-offered}.
 */
@Service
public class Acceptance {

    private final Enquiries enquiries;
    private final LifecycleOutbox outbox;
    private final OfferArrivals offers;
    private final Clock clock;
    private final Duration offerGrace;

    Acceptance(
            Enquiries enquiries,
            LifecycleOutbox outbox,
            OfferArrivals offers,
            Clock clock,
            @Value("${parley.enquiry.offer-grace:2s}") Duration offerGrace) {
        this.enquiries = enquiries;
        this.outbox = outbox;
        this.offers = offers;
        this.clock = clock;
        this.offerGrace = offerGrace;
    }

    /** Returns the new room's id. */
    public String accept(String enquiryId, String staffId) {
        String roomId = "room-" + UUID.randomUUID();
        long giveUp = System.nanoTime() + offerGrace.toNanos();
        while (true) {
            Instant now = clock.instant();
            Enquiry enquiry = enquiries
                    .byId(enquiryId)
                    .orElseThrow(() -> Problem.notFound("enquiry.not-found", "No enquiry " + enquiryId));
            String event = outbox.encode(new EnquiryAccepted(
                    enquiryId, ConversationKey.parse(enquiry.conversationKey()), staffId, roomId, now));
            Optional<Enquiry> accepted = enquiries.accept(enquiryId, staffId, roomId, now, event);
            if (accepted.isPresent()) {
                // The accept stands once stored; if Kafka is slow, the outbox relay sends its event.
                outbox.deliver(accepted.get(), event);
                return roomId;
            }
            enquiry = enquiries.byId(enquiryId).orElseThrow();
            if (enquiry.state() != EnquiryState.OPEN) {
                throw refusal(enquiry);
            }
            if (!enquiry.deadline().isAfter(now)) {
                throw Problem.conflict("enquiry.expired", "This enquiry's waiting time is over");
            }
            long left = giveUp - System.nanoTime();
            if (enquiry.offeredTo().contains(staffId)) {
                continue; // offered by now: the compare-and-set raced the record
            }
            if (left <= 0
                    || offers.awaitOffer(enquiryId, staffId, Duration.ofNanos(left))
                            .isEmpty()) {
                throw Problem.conflict("enquiry.not-offered", "This enquiry is not offered to you");
            }
        }
    }

    static Problem refusal(Enquiry enquiry) {
        return switch (enquiry.state()) {
            case ONGOING, FOLLOWED_UP, CLOSED ->
                Problem.conflict("enquiry.already-accepted", "Someone has already accepted this enquiry");
            case MISSED -> Problem.conflict("enquiry.expired", "This enquiry's waiting time is over");
            case OPEN -> throw new IllegalStateException("an open enquiry is not refused for its state");
        };
    }
}
