package io.parley.enquiry.offers;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.events.routing.OfferWithdrawn.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Offers recorded a poll at a time leave every enquiry's {@code offeredTo} as recording them one by one does.
 */
class OfferRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");

    @Test
    void aStaffMembersLastEventDecides() {
        var changes = OfferRecords.changes(List.of(
                created("e1", "frank"),
                created("e1", "gina"),
                withdrawn("e1", "frank", Reason.NOT_ELIGIBLE),
                withdrawn("e1", "gina", Reason.NOT_ELIGIBLE),
                created("e1", "gina"),
                created("e2", "frank")));

        assertThat(changes.get("e1")).isEqualTo(new OfferRecords.Change(List.of("gina"), List.of("frank")));
        assertThat(changes.get("e2")).isEqualTo(new OfferRecords.Change(List.of("frank"), List.of()));
    }

    @Test
    void aWithdrawalBecauseTheWaitIsOverChangesNothing() {
        var changes = OfferRecords.changes(List.of(
                created("e1", "frank"),
                withdrawn("e1", "frank", Reason.ACCEPTED),
                withdrawn("e1", "gina", Reason.TAKEN_BY_OTHER),
                withdrawn("e2", "hal", Reason.EXPIRED)));

        assertThat(changes).containsOnlyKeys("e1");
        assertThat(changes.get("e1")).isEqualTo(new OfferRecords.Change(List.of("frank"), List.of()));
    }

    @Test
    void anyRandomSequenceLeavesWhatOneByOneLeaves() {
        Random random = new Random(8);
        List<String> staff = List.of("a", "b", "c", "d");
        List<String> enquiries = List.of("e1", "e2", "e3");
        Reason[] reasons = Reason.values();
        for (int round = 0; round < 500; round++) {
            Map<String, Set<String>> before = new LinkedHashMap<>();
            enquiries.forEach(e -> before.put(e, new LinkedHashSet<>(staff.subList(0, random.nextInt(staff.size())))));
            List<OfferEvent> events = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                String enquiry = enquiries.get(random.nextInt(enquiries.size()));
                String member = staff.get(random.nextInt(staff.size()));
                events.add(
                        random.nextBoolean()
                                ? created(enquiry, member)
                                : withdrawn(enquiry, member, reasons[random.nextInt(reasons.length)]));
            }

            Map<String, Set<String>> oneByOne = copy(before);
            for (OfferEvent event : events) {
                OfferRecords.changes(List.of(event)).forEach((enquiry, change) -> apply(oneByOne, enquiry, change));
            }
            Map<String, Set<String>> together = copy(before);
            OfferRecords.changes(events).forEach((enquiry, change) -> apply(together, enquiry, change));

            assertThat(together).as("round %d: %s", round, events).isEqualTo(oneByOne);
        }
    }

    private static void apply(Map<String, Set<String>> offeredTo, String enquiry, OfferRecords.Change change) {
        offeredTo.get(enquiry).addAll(change.added());
        offeredTo.get(enquiry).removeAll(change.removed());
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> offeredTo) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        offeredTo.forEach((enquiry, staff) -> copy.put(enquiry, new LinkedHashSet<>(staff)));
        return copy;
    }

    private static OfferCreated created(String enquiryId, String staffId) {
        return new OfferCreated(
                staffId,
                enquiryId,
                EnquiryType.BROADCAST,
                Channel.LINE,
                "demo-line",
                EntryPoint.of(EntryPoint.Type.TAG, "sales"),
                new Customer("U1", "Visitor", null, null),
                "Hello",
                NOW,
                NOW.plusSeconds(60));
    }

    private static OfferWithdrawn withdrawn(String enquiryId, String staffId, Reason reason) {
        return new OfferWithdrawn(staffId, enquiryId, reason, NOW);
    }
}
