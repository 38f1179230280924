package io.parley.routing.offer;

import io.parley.events.Envelope;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.events.enquiry.EnquiryClosed;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.enquiry.EnquiryFollowedUp;
import io.parley.events.enquiry.EnquiryMessageAdded;
import io.parley.events.enquiry.EnquiryMissed;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.events.enquiry.EnquiryTransferFailed;
import io.parley.events.enquiry.EnquiryTransferRequested;
import io.parley.events.presence.StaffRemoved;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DestinationRemoved;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.OfferWithdrawn.Reason;
import io.parley.events.routing.OffersCreated;
import io.parley.events.routing.OffersWithdrawn;
import io.parley.events.routing.TagPublished;
import io.parley.events.routing.TagRemoved;
import io.parley.routing.offer.RoutedEnquiry.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The router: one processor that sees every enquiry transition, availability change and destination change
 * in one order, so offers are always the difference between who is eligible now and who holds an offer.
 *
 * <ul>
 *   <li>opened: offered at once to everyone eligible (nobody eligible: it waits, and is counted);
 *   <li>a staff member who becomes eligible is offered every waiting enquiry they may serve; one who stops
 *       being eligible loses their offers; a destination change re-evaluates every waiting enquiry;
 *   <li>accepted (or followed up) or closed: every offer is withdrawn;
 *   <li>the deadline: a wall-clock punctuation emits {@code routing.timeout.v1} and withdraws the offers,
 *       whether or not any other record arrives, and also right after a restart, from the restored stores.
 * </ul>
 */
final class Router implements Processor<String, RoutingInput, String, RoutingOutput> {

    static final String ENQUIRIES = "enquiries";
    static final String DEADLINES = "deadlines";
    static final String STAFF = "staff";
    static final String DESTINATIONS = "destinations";
    static final String TAGS = "tags";

    static final Duration PUNCTUATION = Duration.ofMillis(50);
    /**
     * The most staff members one offer record names (about 20 KB): a destination with more members writes
     * several records per decision, so no record comes near Kafka's 1 MB limit.
     */
    static final int STAFF_PER_RECORD = 500;
    /** How long a finished enquiry is remembered, so a late redelivery of its "opened" changes nothing. */
    static final Duration FORGET_FINISHED_AFTER = Duration.ofHours(1);

    private final RoutingMetrics metrics;
    private ProcessorContext<String, RoutingOutput> context;
    private KeyValueStore<String, RoutedEnquiry> enquiries;
    private KeyValueStore<String, String> deadlines;
    private KeyValueStore<String, StaffStatusChanged> staff;
    private KeyValueStore<String, DestinationPublished> destinations;
    private KeyValueStore<String, TagPublished> tags;
    /** In-memory mirrors of the small stores, read on every decision; the stores stay the durable truth. */
    private final Map<String, StaffStatusChanged> staffById = new HashMap<>();

    private final Map<String, DestinationPublished> destinationsById = new HashMap<>();
    private final Map<String, TagPublished> tagsById = new HashMap<>();
    private Clock clock;
    private Instant lastPurge = Instant.EPOCH;
    private Instant lastReport = Instant.EPOCH;

    Router(RoutingMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, RoutingOutput> context) {
        this.context = context;
        this.enquiries = context.getStateStore(ENQUIRIES);
        this.deadlines = context.getStateStore(DEADLINES);
        this.staff = context.getStateStore(STAFF);
        this.destinations = context.getStateStore(DESTINATIONS);
        this.tags = context.getStateStore(TAGS);
        mirror(staff, staffById);
        mirror(destinations, destinationsById);
        mirror(tags, tagsById);
        this.clock = new Clock() {
            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(context.currentSystemTimeMs());
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        context.schedule(PUNCTUATION, PunctuationType.WALL_CLOCK_TIME, now -> expireDue());
    }

    @Override
    public void process(Record<String, RoutingInput> record) {
        switch (record.value()) {
            case RoutingInput.Enquiry enquiry -> onEnquiry(enquiry.event());
            case RoutingInput.Staff member ->
                onStaff(member.staffId(), member.event().payload());
            case RoutingInput.Destination destination ->
                onDestination(destination.id(), destination.event().payload());
        }
    }

    private void onEnquiry(Envelope<EnquiryEvent> envelope) {
        Instant now = clock.instant();
        switch (envelope.payload()) {
            case EnquiryOpened opened -> {
                if (enquiries.get(opened.enquiryId()) != null) {
                    return; // a redelivery: it is waiting, served or finished already
                }
                RoutedEnquiry enquiry = RoutedEnquiry.waiting(opened);
                if (!opened.deadline().isAfter(now)) {
                    timeout(enquiry, now);
                    enquiries.put(enquiry.enquiryId(), enquiry.finished(now));
                    return;
                }
                startWaiting(enquiry);
            }
            case EnquiryAccepted accepted -> serve(accepted.enquiryId(), accepted.staffId());
            case EnquiryFollowedUp followedUp -> serve(followedUp.enquiryId(), followedUp.staffId());
            case EnquiryTransferRequested transfer -> {
                RoutedEnquiry current = enquiries.get(transfer.enquiryId());
                if (current == null || current.phase() == Phase.FINISHED) {
                    return;
                }
                stopWaiting(current, Reason.DESTINATION_CHANGED);
                startWaiting(current.transferring(transfer.fromStaffId(), transfer.target(), transfer.deadline()));
            }
            case EnquiryTransferFailed failed -> {
                RoutedEnquiry current = enquiries.get(failed.enquiryId());
                if (current != null && current.phase() == Phase.WAITING) {
                    enquiries.put(
                            current.enquiryId(),
                            stopWaiting(current, Reason.EXPIRED).served());
                }
            }
            case EnquiryMissed missed -> finish(missed.enquiryId(), Reason.EXPIRED, now);
            case EnquiryClosed closed -> finish(closed.enquiryId(), Reason.CLOSED, now);
            case EnquiryMessageAdded ignored -> {
                // A new message changes nothing about who may serve the enquiry.
            }
        }
    }

    private void startWaiting(RoutedEnquiry enquiry) {
        Set<String> eligible = Eligibility.staffFor(enquiry, directory());
        offer(enquiry, eligible);
        RoutedEnquiry waiting = enquiry.offeredTo(eligible);
        enquiries.put(waiting.enquiryId(), waiting);
        deadlines.put(deadlineKey(waiting), waiting.enquiryId());
    }

    /** Withdraws every offer of a waiting enquiry and takes it off the deadline index. */
    private RoutedEnquiry stopWaiting(RoutedEnquiry enquiry, Reason reason) {
        return stopWaiting(enquiry, staffId -> reason);
    }

    private RoutedEnquiry stopWaiting(RoutedEnquiry enquiry, Function<String, Reason> reasonFor) {
        withdraw(enquiry.enquiryId(), enquiry.offeredTo(), reasonFor);
        if (enquiry.phase() == Phase.WAITING) {
            deadlines.delete(deadlineKey(enquiry));
        }
        RoutedEnquiry stopped = enquiry.offeredTo(Set.of());
        enquiries.put(stopped.enquiryId(), stopped);
        return stopped;
    }

    private void serve(String enquiryId, String staffId) {
        RoutedEnquiry current = enquiries.get(enquiryId);
        if (current == null || current.phase() != Phase.WAITING) {
            return;
        }
        RoutedEnquiry stopped =
                stopWaiting(current, holder -> holder.equals(staffId) ? Reason.ACCEPTED : Reason.TAKEN_BY_OTHER);
        enquiries.put(enquiryId, stopped.served());
    }

    private void finish(String enquiryId, Reason reason, Instant now) {
        RoutedEnquiry current = enquiries.get(enquiryId);
        if (current == null || current.phase() == Phase.FINISHED) {
            return;
        }
        RoutedEnquiry stopped = current.phase() == Phase.WAITING ? stopWaiting(current, reason) : current;
        enquiries.put(enquiryId, stopped.finished(now));
    }

    private void onStaff(String staffId, io.parley.events.presence.StaffStatusEvent event) {
        boolean couldTakeMore = Eligibility.canTakeMore(staffById.get(staffId));
        switch (event) {
            case StaffStatusChanged changed -> {
                staff.put(staffId, changed);
                staffById.put(staffId, changed);
            }
            case StaffRemoved removed -> {
                staff.delete(staffId);
                staffById.remove(staffId);
            }
        }
        // Most changes are a chat more or less that leaves the staff member able to take more: nothing to do.
        // Only their own offers can change, so only they are reconciled (was every waiting enquiry's every
        // member at every change: at 200 conversations/s, ~400 changes/s × ~200 waiting × ~70 members).
        if (Eligibility.canTakeMore(staffById.get(staffId)) != couldTakeMore) {
            reconcileWaiting(staffId);
        }
    }

    private void onDestination(String id, io.parley.events.routing.DestinationEvent event) {
        switch (event) {
            case DestinationPublished published -> {
                destinations.put(id, published);
                destinationsById.put(id, published);
            }
            case DestinationRemoved removed -> {
                destinations.delete(id);
                destinationsById.remove(id);
            }
            case TagPublished published -> {
                tags.put(id, published);
                tagsById.put(id, published);
            }
            case TagRemoved removed -> {
                tags.delete(id);
                tagsById.remove(id);
            }
        }
        reconcileWaiting();
    }

    /** Makes every waiting enquiry's offers equal to who is eligible now. */
    private void reconcileWaiting() {
        Eligibility.Directory directory = directory();
        for (RoutedEnquiry enquiry : waitingEnquiries()) {
            Set<String> eligible = Eligibility.staffFor(enquiry, directory);
            if (eligible.equals(enquiry.offeredTo())) {
                continue;
            }
            withdraw(
                    enquiry.enquiryId(),
                    enquiry.offeredTo().stream()
                            .filter(staffId -> !eligible.contains(staffId))
                            .toList(),
                    this::withdrawalReason);
            offer(
                    enquiry,
                    eligible.stream()
                            .filter(staffId -> !enquiry.offeredTo().contains(staffId))
                            .toList());
            enquiries.put(enquiry.enquiryId(), enquiry.offeredTo(eligible));
        }
    }

    /** Makes one staff member's offers of every waiting enquiry equal to whether they are eligible now. */
    private void reconcileWaiting(String staffId) {
        Eligibility.Directory directory = directory();
        for (RoutedEnquiry enquiry : waitingEnquiries()) {
            boolean eligible = Eligibility.isEligible(staffId, enquiry, directory);
            if (eligible == enquiry.offeredTo().contains(staffId)) {
                continue;
            }
            Set<String> offeredTo = new HashSet<>(enquiry.offeredTo());
            if (eligible) {
                offer(enquiry, List.of(staffId));
                offeredTo.add(staffId);
            } else {
                withdraw(enquiry.enquiryId(), List.of(staffId), this::withdrawalReason);
                offeredTo.remove(staffId);
            }
            enquiries.put(enquiry.enquiryId(), enquiry.offeredTo(offeredTo));
        }
    }

    private Reason withdrawalReason(String staffId) {
        StaffStatusChanged member = staffById.get(staffId);
        return member == null || !member.canTakeMore() ? Reason.NOT_ELIGIBLE : Reason.DESTINATION_CHANGED;
    }

    /** The punctuation: every enquiry whose deadline has passed times out now. */
    private void expireDue() {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it =
                deadlines.range(deadlineKey(Instant.EPOCH, ""), deadlineKey(now, "\uffff"))) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                due.add(entry.value);
            }
        }
        for (String enquiryId : due) {
            RoutedEnquiry enquiry = enquiries.get(enquiryId);
            if (enquiry == null || enquiry.phase() != Phase.WAITING) {
                continue;
            }
            RoutedEnquiry stopped = stopWaiting(enquiry, Reason.EXPIRED);
            timeout(stopped, now);
            enquiries.put(
                    enquiryId,
                    enquiry.type() == io.parley.events.EnquiryType.TRANSFER ? stopped.served() : stopped.finished(now));
        }
        if (Duration.between(lastReport, now).compareTo(Duration.ofSeconds(1)) >= 0) {
            reportWaiting();
            lastReport = now;
        }
        if (Duration.between(lastPurge, now).compareTo(Duration.ofMinutes(1)) >= 0) {
            purgeFinished(now);
            lastPurge = now;
        }
    }

    private void timeout(RoutedEnquiry enquiry, Instant now) {
        metrics.expired(Duration.between(enquiry.deadline(), now));
        EnquiryWaitExpired expired =
                new EnquiryWaitExpired(enquiry.enquiryId(), enquiry.conversationKey(), enquiry.deadline(), now);
        context.forward(new Record<>(
                enquiry.enquiryId(), new RoutingOutput.Timeout(Envelope.of(expired, clock)), now.toEpochMilli()));
    }

    private void purgeFinished(Instant now) {
        List<String> forget = new ArrayList<>();
        try (KeyValueIterator<String, RoutedEnquiry> it = enquiries.all()) {
            while (it.hasNext()) {
                RoutedEnquiry enquiry = it.next().value;
                if (enquiry.phase() == Phase.FINISHED
                        && enquiry.finishedAt() != null
                        && enquiry.finishedAt().plus(FORGET_FINISHED_AFTER).isBefore(now)) {
                    forget.add(enquiry.enquiryId());
                }
            }
        }
        forget.forEach(enquiries::delete);
    }

    /** Offers the enquiry to these staff members: one record for all of them (or one per {@link #STAFF_PER_RECORD}). */
    private void offer(RoutedEnquiry enquiry, Collection<String> staffIds) {
        Instant now = clock.instant();
        for (List<String> some : inRecords(staffIds)) {
            forward(
                    new OffersCreated(
                            some,
                            enquiry.enquiryId(),
                            enquiry.type(),
                            enquiry.channel(),
                            enquiry.channelAccountId(),
                            enquiry.entryPoint(),
                            enquiry.customer(),
                            enquiry.preview(),
                            now,
                            enquiry.deadline()),
                    now);
        }
    }

    /** Withdraws the enquiry's offers from these staff members: a record per reason, in the reasons' order. */
    private void withdraw(String enquiryId, Collection<String> staffIds, Function<String, Reason> reasonFor) {
        Instant now = clock.instant();
        Map<Reason, List<String>> byReason = new EnumMap<>(Reason.class);
        for (String staffId : staffIds) {
            byReason.computeIfAbsent(reasonFor.apply(staffId), reason -> new ArrayList<>())
                    .add(staffId);
        }
        byReason.forEach((reason, withdrawn) -> {
            for (List<String> some : inRecords(withdrawn)) {
                forward(new OffersWithdrawn(some, enquiryId, reason, now), now);
            }
        });
    }

    private void forward(EnquiryOffersEvent event, Instant now) {
        context.forward(new Record<>(
                event.enquiryId(), new RoutingOutput.Offer(Envelope.of(event, clock)), now.toEpochMilli()));
    }

    /** The staff ids sorted (records that read the same every time), at most {@link #STAFF_PER_RECORD} a record. */
    private static List<List<String>> inRecords(Collection<String> staffIds) {
        List<String> sorted = staffIds.stream().sorted().toList();
        List<List<String>> records = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += STAFF_PER_RECORD) {
            records.add(sorted.subList(from, Math.min(sorted.size(), from + STAFF_PER_RECORD)));
        }
        return records;
    }

    private List<RoutedEnquiry> waitingEnquiries() {
        List<RoutedEnquiry> waiting = new ArrayList<>();
        try (KeyValueIterator<String, String> it = deadlines.all()) {
            while (it.hasNext()) {
                RoutedEnquiry enquiry = enquiries.get(it.next().value);
                if (enquiry != null && enquiry.phase() == Phase.WAITING) {
                    waiting.add(enquiry);
                }
            }
        }
        return waiting;
    }

    private void reportWaiting() {
        int total = 0;
        int withoutOffers = 0;
        for (RoutedEnquiry enquiry : waitingEnquiries()) {
            total++;
            if (enquiry.offeredTo().isEmpty()) {
                withoutOffers++;
            }
        }
        metrics.waiting(total, withoutOffers);
    }

    /** A view of staff, destinations and tags for one decision. */
    private Eligibility.Directory directory() {
        return new Eligibility.Directory() {
            @Override
            public @Nullable StaffStatusChanged staff(String staffId) {
                return staffById.get(staffId);
            }

            @Override
            public Iterable<DestinationPublished> destinations() {
                return destinationsById.values();
            }

            @Override
            public @Nullable TagPublished tag(String tagId) {
                return tagsById.get(tagId);
            }
        };
    }

    private static <V> void mirror(KeyValueStore<String, V> store, Map<String, V> mirror) {
        mirror.clear();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(entry -> mirror.put(entry.key, entry.value));
        }
    }

    static String deadlineKey(RoutedEnquiry enquiry) {
        return deadlineKey(enquiry.deadline(), enquiry.enquiryId());
    }

    /** Sorts by time: 13 zero-padded digits of epoch milliseconds, then the enquiry id. */
    static String deadlineKey(Instant deadline, String enquiryId) {
        return String.format("%013d:%s", deadline.toEpochMilli(), enquiryId);
    }
}
