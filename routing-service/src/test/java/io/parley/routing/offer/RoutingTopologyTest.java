package io.parley.routing.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.enquiry.CustomerMessage;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.events.enquiry.EnquiryClosed;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.enquiry.EnquiryMessageAdded;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.events.enquiry.EnquiryTransferRequested;
import io.parley.events.enquiry.TransferTarget;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.presence.StaffStatusEvent;
import io.parley.events.routing.DestinationEvent;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DestinationRemoved;
import io.parley.events.routing.DistributionMethod;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.events.routing.OfferWithdrawn.Reason;
import io.parley.events.routing.OffersCreated;
import io.parley.events.routing.OffersWithdrawn;
import io.parley.events.routing.RoutingTimeoutEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routing topology on {@link TopologyTestDriver}, with the wall clock advanced by hand. */
class RoutingTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    TopologyTestDriver driver;
    TestInputTopic<String, Envelope<EnquiryEvent>> lifecycle;
    TestInputTopic<String, Envelope<StaffStatusEvent>> presence;
    TestInputTopic<String, Envelope<DestinationEvent>> destinations;
    TestOutputTopic<String, Envelope<EnquiryOffersEvent>> offers;
    TestOutputTopic<String, Envelope<RoutingTimeoutEvent>> timeouts;
    int enquiryCount;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "routing-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(RoutingTopology.build(), props, T0);
        lifecycle = driver.createInputTopic(
                Topics.ENQUIRY_LIFECYCLE.name(),
                Topics.ENQUIRY_LIFECYCLE.keySerde().serializer(),
                Topics.ENQUIRY_LIFECYCLE.valueSerde().serializer());
        presence = driver.createInputTopic(
                Topics.PRESENCE_STAFF_STATUS.name(),
                Topics.PRESENCE_STAFF_STATUS.keySerde().serializer(),
                Topics.PRESENCE_STAFF_STATUS.valueSerde().serializer());
        destinations = driver.createInputTopic(
                Topics.ROUTING_DESTINATION.name(),
                Topics.ROUTING_DESTINATION.keySerde().serializer(),
                Topics.ROUTING_DESTINATION.valueSerde().serializer());
        offers = driver.createOutputTopic(
                Topics.ROUTING_OFFER.name(),
                Topics.ROUTING_OFFER.keySerde().deserializer(),
                Topics.ROUTING_OFFER.valueSerde().deserializer());
        timeouts = driver.createOutputTopic(
                Topics.ROUTING_TIMEOUT.name(),
                Topics.ROUTING_TIMEOUT.keySerde().deserializer(),
                Topics.ROUTING_TIMEOUT.valueSerde().deserializer());
        destination("support", List.of("alice", "bob", "dave"), List.of("sales"), List.of("demo-page"), true);
        destination("billing", List.of("carol"), List.of("billing"), List.of(), false);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void anOpenedEnquiryIsOfferedAtOnceToEveryActiveMemberOfTheDestinationServingItsTag() {
        active("alice", "bob", "carol");
        staff("dave", Availability.BUSY, 5, 0);

        String enquiry = openOnTag("sales");

        assertThat(created()).containsExactlyInAnyOrder(offer("alice", enquiry), offer("bob", enquiry));
    }

    @Test
    void oneDecisionIsOneRecordKeyedByTheEnquiryForEveryStaffMemberItConcerns() {
        active("alice", "bob", "dave");
        String enquiry = openOnTag("sales");

        List<TestRecord<String, Envelope<EnquiryOffersEvent>>> opened = offers.readRecordsToList();
        assertThat(opened).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(enquiry);
            assertThat(record.value().payload())
                    .isInstanceOfSatisfying(
                            OffersCreated.class,
                            created -> assertThat(created.staffIds()).containsExactly("alice", "bob", "dave"));
        });

        lifecycle.pipeInput(
                enquiry, Envelope.of(new EnquiryAccepted(enquiry, conversation(enquiry), "bob", "room-1", T0)));

        assertThat(offers.readValuesToList())
                .extracting(Envelope::payload)
                .containsExactly(
                        new OffersWithdrawn(List.of("bob"), enquiry, Reason.ACCEPTED, T0),
                        new OffersWithdrawn(List.of("alice", "dave"), enquiry, Reason.TAKEN_BY_OTHER, T0));
    }

    @Test
    void aChannelEnquiryGoesToTheDestinationsServingItsChannelAccount() {
        active("alice", "carol");

        String enquiry = open(EnquiryType.BROADCAST, new EntryPoint(EntryPoint.Type.CHANNEL, "demo-page", null), null);

        assertThat(created()).containsExactly(offer("alice", enquiry));
    }

    @Test
    void aDirectEnquiryGoesOnlyToItsStaffMember() {
        active("alice", "bob");

        String enquiry = open(EnquiryType.DIRECT, EntryPoint.of(EntryPoint.Type.STAFF, "bob"), null);

        assertThat(created()).containsExactly(offer("bob", enquiry));
    }

    @Test
    void aDirectEnquiryToStaffOutsideADirectServingDestinationWaitsForNobody() {
        active("carol");

        open(EnquiryType.DIRECT, EntryPoint.of(EntryPoint.Type.STAFF, "carol"), null);

        assertThat(created()).isEmpty();
    }

    @Test
    void staffAtTheirMaximumOfConcurrentChatsAreNotOffered() {
        active("alice");
        staff("bob", Availability.ACTIVE, 2, 2);

        String enquiry = openOnTag("sales");

        assertThat(created()).containsExactly(offer("alice", enquiry));
    }

    @Test
    void staffWhoBecomeActiveAreOfferedEveryWaitingEnquiryTheyMayServe() {
        String first = openOnTag("sales");
        String second = openOnTag("sales");
        openOnTag("billing");
        assertThat(created()).isEmpty();

        active("bob");

        assertThat(created()).containsExactlyInAnyOrder(offer("bob", first), offer("bob", second));
    }

    @Test
    void staffWhoLeaveActiveLoseTheirOffersAtOnce() {
        active("alice", "bob");
        String enquiry = openOnTag("sales");
        offers.readValuesToList();

        staff("bob", Availability.OFFLINE, 5, 0);

        assertThat(withdrawn()).containsExactly(withdrawal("bob", enquiry, Reason.NOT_ELIGIBLE));
    }

    @Test
    void staffWhoFreeCapacityAreOfferedAgain() {
        staff("alice", Availability.ACTIVE, 1, 1);
        String enquiry = openOnTag("sales");
        assertThat(created()).isEmpty();

        staff("alice", Availability.ACTIVE, 1, 0);

        assertThat(created()).containsExactly(offer("alice", enquiry));
    }

    @Test
    void acceptingWithdrawsEveryOffer() {
        active("alice", "bob");
        String enquiry = openOnTag("sales");
        offers.readValuesToList();

        lifecycle.pipeInput(
                enquiry, Envelope.of(new EnquiryAccepted(enquiry, conversation(enquiry), "alice", "room-1", T0)));

        assertThat(withdrawn())
                .containsExactlyInAnyOrder(
                        withdrawal("alice", enquiry, Reason.ACCEPTED),
                        withdrawal("bob", enquiry, Reason.TAKEN_BY_OTHER));
        driver.advanceWallClockTime(WAIT.plusSeconds(1));
        assertThat(timeouts.isEmpty()).as("an accepted enquiry never times out").isTrue();
    }

    @Test
    void closingWithdrawsEveryOffer() {
        active("alice");
        String enquiry = openOnTag("sales");
        offers.readValuesToList();

        lifecycle.pipeInput(enquiry, Envelope.of(new EnquiryClosed(enquiry, conversation(enquiry), null, null, T0)));

        assertThat(withdrawn()).containsExactly(withdrawal("alice", enquiry, Reason.CLOSED));
    }

    @Test
    void theDeadlinePassingWithNoOtherTrafficTimesTheEnquiryOutAndWithdrawsItsOffers() {
        active("alice", "bob");
        String enquiry = openOnTag("sales");
        offers.readValuesToList();

        driver.advanceWallClockTime(WAIT.minusMillis(100));
        assertThat(timeouts.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMillis(150));

        EnquiryWaitExpired expired = (EnquiryWaitExpired) timeouts.readValue().payload();
        assertThat(expired.enquiryId()).isEqualTo(enquiry);
        assertThat(Duration.between(expired.deadline(), expired.firedAt())).isLessThanOrEqualTo(Router.PUNCTUATION);
        assertThat(withdrawn())
                .containsExactlyInAnyOrder(
                        withdrawal("alice", enquiry, Reason.EXPIRED), withdrawal("bob", enquiry, Reason.EXPIRED));
    }

    @Test
    void nobodyEligibleMeansTheEnquiryWaitsAndStillTimesOut() {
        String enquiry = openOnTag("sales");

        driver.advanceWallClockTime(WAIT.plusMillis(60));

        assertThat(created()).isEmpty();
        assertThat(timeouts.readValue().payload())
                .isInstanceOfSatisfying(
                        EnquiryWaitExpired.class,
                        expired -> assertThat(expired.enquiryId()).isEqualTo(enquiry));
    }

    @Test
    void aRedeliveredOpenedEventChangesNothing() {
        active("alice");
        String enquiry = openOnTag("sales");
        Envelope<EnquiryEvent> again = Envelope.of(
                opened(enquiry, EnquiryType.BROADCAST, EntryPoint.of(EntryPoint.Type.TAG, "sales"), "sales"));
        offers.readValuesToList();

        lifecycle.pipeInput(enquiry, again);
        lifecycle.pipeInput(
                enquiry, Envelope.of(new EnquiryAccepted(enquiry, conversation(enquiry), "alice", "room-1", T0)));
        lifecycle.pipeInput(enquiry, again);

        List<OfferEvent> emitted = offers.readValuesToList().stream()
                .flatMap(envelope -> envelope.payload().perStaff().stream())
                .toList();
        assertThat(emitted)
                .as("only the withdrawal of the accept; no new offer from either redelivery")
                .singleElement()
                .isInstanceOfSatisfying(
                        OfferWithdrawn.class, w -> assertThat(w.reason()).isEqualTo(Reason.ACCEPTED));
    }

    @Test
    void anEnquiryOpenedPastItsDeadlineTimesOutAtOnce() {
        active("alice");
        driver.advanceWallClockTime(WAIT.plusSeconds(5));

        String enquiry = openOnTag("sales");

        assertThat(created()).isEmpty();
        assertThat(((EnquiryWaitExpired) timeouts.readValue().payload()).enquiryId())
                .isEqualTo(enquiry);
    }

    @Test
    void aDestinationDeletedWhileItsEnquiriesWaitWithdrawsTheirOffersAndTheyStillEndAtTheirDeadline() {
        active("alice");
        String enquiry = openOnTag("sales");
        offers.readValuesToList();

        destinations.pipeInput("support", Envelope.of(new DestinationRemoved("support", T0)));

        assertThat(withdrawn()).containsExactly(withdrawal("alice", enquiry, Reason.DESTINATION_CHANGED));
        driver.advanceWallClockTime(WAIT.plusMillis(60));
        assertThat(((EnquiryWaitExpired) timeouts.readValue().payload()).enquiryId())
                .isEqualTo(enquiry);
    }

    @Test
    void joiningADestinationBringsItsWaitingEnquiries() {
        active("carol");
        String enquiry = openOnTag("sales");
        assertThat(created()).isEmpty();

        destination("support", List.of("alice", "bob", "dave", "carol"), List.of("sales"), List.of("demo-page"), true);

        assertThat(created()).containsExactly(offer("carol", enquiry));
    }

    @Test
    void aTransferIsOfferedToItsTargetTagButNotBackToTheStaffMemberHandingItOver() {
        active("alice", "bob");
        String enquiry = openOnTag("sales");
        lifecycle.pipeInput(
                enquiry, Envelope.of(new EnquiryAccepted(enquiry, conversation(enquiry), "alice", "room-1", T0)));
        offers.readValuesToList();

        lifecycle.pipeInput(
                enquiry,
                Envelope.of(new EnquiryTransferRequested(
                        enquiry,
                        conversation(enquiry),
                        "room-1",
                        "alice",
                        new TransferTarget(TransferTarget.Kind.TAG, "sales"),
                        null,
                        T0,
                        T0.plus(WAIT))));

        List<OfferCreated> transferOffers = createdOffers();
        assertThat(transferOffers).extracting(OfferCreated::staffId).containsExactly("bob");
        assertThat(transferOffers).extracting(OfferCreated::type).containsExactly(EnquiryType.TRANSFER);

        // Alice going busy and coming back still does not offer her the chat she is handing over.
        staff("alice", Availability.BUSY, 5, 1);
        staff("alice", Availability.ACTIVE, 5, 1);
        assertThat(offers.readValuesToList()).isEmpty();
    }

    @Test
    void aChatMoreOrLessThatLeavesStaffAbleToTakeMoreChangesNoOffer() {
        active("alice", "bob");
        openOnTag("sales");
        openOnTag("sales");
        offers.readValuesToList();

        staff("alice", Availability.ACTIVE, 5, 1);
        staff("alice", Availability.ACTIVE, 5, 4);
        staff("bob", Availability.ACTIVE, 5, 2);

        assertThat(offers.readValuesToList()).isEmpty();
    }

    @Test
    void staffWhoReachTheirMaximumLoseOnlyTheirOwnOffersAndGetThemBackWhenAChatEnds() {
        staff("alice", Availability.ACTIVE, 2, 0);
        active("bob");
        String first = openOnTag("sales");
        String second = openOnTag("sales");
        openOnTag("billing");
        offers.readValuesToList();

        staff("alice", Availability.ACTIVE, 2, 2);
        assertThat(withdrawn())
                .containsExactlyInAnyOrder(
                        withdrawal("alice", first, Reason.NOT_ELIGIBLE),
                        withdrawal("alice", second, Reason.NOT_ELIGIBLE));

        staff("alice", Availability.ACTIVE, 2, 1);
        assertThat(created()).containsExactlyInAnyOrder(offer("alice", first), offer("alice", second));

        // Bob's offers were never touched: accepting one withdraws it from both of them.
        lifecycle.pipeInput(first, Envelope.of(new EnquiryAccepted(first, conversation(first), "bob", "room-1", T0)));
        assertThat(withdrawn())
                .containsExactlyInAnyOrder(
                        withdrawal("bob", first, Reason.ACCEPTED), withdrawal("alice", first, Reason.TAKEN_BY_OTHER));
    }

    @Test
    void customerMessagesAddedToAWaitingEnquiryStayOutOfTheRoutersSinglePartition() {
        TestOutputTopic<String, RoutingInput> routerInput = driver.createOutputTopic(
                "routing-test-router-input-repartition",
                new StringDeserializer(),
                RoutingInputSerde.serde().deserializer());
        active("alice");
        String enquiry = openOnTag("sales");
        assertThat(routerInput.readValuesToList()).hasSize(4); // two destinations, alice ACTIVE, the enquiry opened
        assertThat(created()).containsExactly(offer("alice", enquiry));

        lifecycle.pipeInput(
                enquiry,
                Envelope.of(new EnquiryMessageAdded(
                        enquiry, conversation(enquiry), null, new CustomerMessage("m-2", "Anyone?", List.of(), T0))));
        lifecycle.pipeInput(
                enquiry, Envelope.of(new EnquiryAccepted(enquiry, conversation(enquiry), "alice", "room-1", T0)));

        assertThat(routerInput.readValuesToList())
                .singleElement()
                .satisfies(input -> assertThat(
                                ((RoutingInput.Enquiry) input).event().payload())
                        .isInstanceOf(EnquiryAccepted.class));
        assertThat(withdrawn()).containsExactly(withdrawal("alice", enquiry, Reason.ACCEPTED));
    }

    // --- the world -------------------------------------------------------------------------------------

    private void destination(
            String id, List<String> members, List<String> tags, List<String> accounts, boolean direct) {
        destinations.pipeInput(
                id,
                Envelope.of(new DestinationPublished(
                        id, id, members, tags, accounts, direct, DistributionMethod.SIMULTANEOUS, WAIT, T0)));
    }

    private void active(String... staffIds) {
        for (String staffId : staffIds) {
            staff(staffId, Availability.ACTIVE, 5, 0);
        }
    }

    private void staff(String staffId, Availability status, int max, int active) {
        presence.pipeInput(
                staffId, Envelope.of(new StaffStatusChanged(staffId, staffId, null, status, max, active, T0)));
    }

    private String openOnTag(String tag) {
        return open(EnquiryType.BROADCAST, EntryPoint.of(EntryPoint.Type.TAG, tag), tag);
    }

    private String open(EnquiryType type, EntryPoint entry, String tag) {
        String enquiryId = "enq-" + (++enquiryCount);
        lifecycle.pipeInput(enquiryId, Envelope.of(opened(enquiryId, type, entry, tag)));
        return enquiryId;
    }

    private EnquiryOpened opened(String enquiryId, EnquiryType type, EntryPoint entry, String tag) {
        Instant now = T0;
        return new EnquiryOpened(
                enquiryId,
                conversation(enquiryId),
                Channel.FACEBOOK,
                "demo-page",
                type,
                entry,
                tag,
                new Customer("psid-" + enquiryId, "Customer " + enquiryId, null, null),
                new CustomerMessage("m-" + enquiryId, "Hello", List.of(), now),
                now,
                now.plus(WAIT));
    }

    private static ConversationKey conversation(String enquiryId) {
        return new ConversationKey(Channel.FACEBOOK, "demo-page", "psid-" + enquiryId);
    }

    /** An offer as the panel sees it: who, which enquiry. */
    record Offered(String staffId, String enquiryId) {}

    /** A withdrawal as the panel sees it: who, which enquiry, why. */
    record Withdrawn(String staffId, String enquiryId, Reason reason) {}

    private List<OfferCreated> createdOffers() {
        return offers.readValuesToList().stream()
                .flatMap(envelope -> envelope.payload().perStaff().stream())
                .filter(OfferCreated.class::isInstance)
                .map(OfferCreated.class::cast)
                .toList();
    }

    private List<Offered> created() {
        return createdOffers().stream()
                .map(o -> new Offered(o.staffId(), o.enquiryId()))
                .toList();
    }

    private List<Withdrawn> withdrawn() {
        return offers.readValuesToList().stream()
                .flatMap(envelope -> envelope.payload().perStaff().stream())
                .filter(OfferWithdrawn.class::isInstance)
                .map(OfferWithdrawn.class::cast)
                .map(w -> new Withdrawn(w.staffId(), w.enquiryId(), w.reason()))
                .toList();
    }

    private static Offered offer(String staffId, String enquiryId) {
        return new Offered(staffId, enquiryId);
    }

    private static Withdrawn withdrawal(String staffId, String enquiryId, Reason reason) {
        return new Withdrawn(staffId, enquiryId, reason);
    }
}
