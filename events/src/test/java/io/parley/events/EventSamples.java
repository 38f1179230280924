package io.parley.events;

import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.channel.ChannelAccountRemoved;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.events.chat.Participant;
import io.parley.events.chat.RoomClosed;
import io.parley.events.chat.RoomMessagePosted;
import io.parley.events.chat.RoomMessageStatusChanged;
import io.parley.events.chat.RoomOpened;
import io.parley.events.chat.RoomParticipantJoined;
import io.parley.events.chat.RoomParticipantLeft;
import io.parley.events.enquiry.CustomerMessage;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.events.enquiry.EnquiryClosed;
import io.parley.events.enquiry.EnquiryFollowedUp;
import io.parley.events.enquiry.EnquiryMessageAdded;
import io.parley.events.enquiry.EnquiryMissed;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.events.enquiry.EnquiryTransferFailed;
import io.parley.events.enquiry.EnquiryTransferRequested;
import io.parley.events.enquiry.TransferTarget;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffRemoved;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DestinationRemoved;
import io.parley.events.routing.DistributionMethod;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.events.routing.OffersCreated;
import io.parley.events.routing.OffersWithdrawn;
import io.parley.events.routing.TagPublished;
import io.parley.events.routing.TagRemoved;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One fully populated, deterministic sample of every event, for the wire-form tests and for other modules'
 * tests (published in this module's test jar).
 */
public final class EventSamples {

    public static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    public static final ConversationKey CONVERSATION = new ConversationKey(Channel.FACEBOOK, "demo-page", "6543210");
    public static final Customer CUSTOMER =
            new Customer("6543210", "Chan Tai Man", "https://cdn.example.com/p/6543210.jpg", null);
    public static final AttachmentRef PHOTO =
            new AttachmentRef("parley://channel-ingest/media/m-1", "image/jpeg", "receipt.jpg", 48213L);
    public static final EntryPoint ENTRY = new EntryPoint(EntryPoint.Type.CHANNEL, "demo-page", "Demo page");
    public static final CustomerMessage FIRST_MESSAGE =
            new CustomerMessage("m_AAA", "Hello, is my order shipped?", List.of(PHOTO), T0);

    private EventSamples() {}

    /** One sample per event record, in no particular order. */
    public static List<Object> all() {
        return List.of(
                new InboundMessageReceived(
                        CONVERSATION,
                        Channel.FACEBOOK,
                        "demo-page",
                        ENTRY,
                        "support",
                        CUSTOMER,
                        "m_AAA",
                        "Hello, is my order shipped?",
                        List.of(PHOTO),
                        T0,
                        T0.plusMillis(120)),
                new OutboundMessageRequested(
                        "out-1",
                        CONVERSATION,
                        OutboundMessageRequested.Purpose.REPLY,
                        "room-1",
                        3L,
                        Sender.staff("staff-alice", "Alice"),
                        "Yes, it left this morning.",
                        List.of(),
                        T0.plusSeconds(30)),
                new DeliveryStatusChanged(
                        "out-1",
                        CONVERSATION,
                        "room-1",
                        3L,
                        DeliveryStatus.FAILED,
                        null,
                        new DeliveryFailure("window-closed", "More than 24 hours since the customer wrote", true),
                        T0.plusSeconds(31)),
                new ChannelAccountPublished(
                        "demo-page",
                        Channel.FACEBOOK,
                        "Demo page",
                        true,
                        List.of(new ChannelAccountPublished.CustomInfoField("Subscription", "Gold")),
                        T0),
                new ChannelAccountRemoved("demo-page", T0),
                new EnquiryOpened(
                        "enq-1",
                        CONVERSATION,
                        Channel.FACEBOOK,
                        "demo-page",
                        EnquiryType.BROADCAST,
                        ENTRY,
                        "support",
                        CUSTOMER,
                        FIRST_MESSAGE,
                        T0,
                        T0.plusSeconds(60)),
                new EnquiryMessageAdded(
                        "enq-1", CONVERSATION, null, new CustomerMessage("m_BBB", "Anyone there?", List.of(), T0)),
                new EnquiryAccepted("enq-1", CONVERSATION, "staff-alice", "room-1", T0.plusSeconds(5)),
                new EnquiryMissed("enq-1", CONVERSATION, T0.plusSeconds(60), T0.plusMillis(60_040)),
                new EnquiryFollowedUp("enq-1", CONVERSATION, "staff-bob", "room-2", T0.plusSeconds(600)),
                new EnquiryTransferRequested(
                        "enq-1",
                        CONVERSATION,
                        "room-1",
                        "staff-alice",
                        new TransferTarget(TransferTarget.Kind.TAG, "sales"),
                        "Wants a quote",
                        T0.plusSeconds(90),
                        T0.plusSeconds(150)),
                new EnquiryTransferFailed(
                        "enq-1", CONVERSATION, "room-1", "nobody accepted in time", T0.plusSeconds(150)),
                new EnquiryClosed("enq-1", CONVERSATION, "room-1", "staff-alice", T0.plusSeconds(900)),
                new OffersCreated(
                        List.of("staff-alice", "staff-carol"),
                        "enq-1",
                        EnquiryType.BROADCAST,
                        Channel.FACEBOOK,
                        "demo-page",
                        ENTRY,
                        CUSTOMER,
                        "Hello, is my order shipped?",
                        T0.plusMillis(15),
                        T0.plusSeconds(60)),
                new OffersWithdrawn(
                        List.of("staff-bob", "staff-carol"),
                        "enq-1",
                        OfferWithdrawn.Reason.TAKEN_BY_OTHER,
                        T0.plusSeconds(5)),
                new EnquiryWaitExpired("enq-1", CONVERSATION, T0.plusSeconds(60), T0.plusMillis(60_030)),
                new DestinationPublished(
                        "dest-support",
                        "Support",
                        List.of("staff-alice", "staff-bob"),
                        List.of("sales", "support"),
                        List.of("demo-page", "demo-phone"),
                        true,
                        DistributionMethod.SIMULTANEOUS,
                        Duration.ofSeconds(60),
                        T0),
                new DestinationRemoved("dest-support", T0),
                new TagPublished("sales", "Sales", "Quotes and orders", null, "dest-support", T0),
                new TagRemoved("sales", T0),
                new StaffStatusChanged("staff-alice", "Alice", null, Availability.ACTIVE, 5, 1, T0),
                new StaffRemoved("staff-alice", T0),
                new RoomOpened(
                        "room-1",
                        "enq-1",
                        CONVERSATION,
                        Channel.FACEBOOK,
                        "demo-page",
                        CUSTOMER,
                        List.of(
                                new Participant(Participant.Role.CUSTOMER, "6543210", "Chan Tai Man"),
                                new Participant(Participant.Role.STAFF, "staff-alice", "Alice")),
                        T0.plusSeconds(5)),
                new RoomMessagePosted(
                        "room-1",
                        3,
                        "msg-3",
                        Sender.staff("staff-alice", "Alice"),
                        "Yes, it left this morning.",
                        List.of(),
                        T0.plusSeconds(30)),
                new RoomMessageStatusChanged("room-1", 3, DeliveryStatus.READ, null, T0.plusSeconds(40)),
                new RoomParticipantJoined(
                        "room-1", new Participant(Participant.Role.STAFF, "staff-bob", "Bob"), T0.plusSeconds(120)),
                new RoomParticipantLeft("room-1", "staff-alice", "transferred", T0.plusSeconds(121)),
                new RoomClosed("room-1", "enq-1", "staff-bob", T0.plusSeconds(900)));
    }

    /** The samples by wire type name. */
    public static Map<String, Object> byType() {
        return all().stream()
                .collect(Collectors.toMap(e -> EventCodec.typeOf(e.getClass()).value(), Function.identity()));
    }

    /** A deterministic envelope around a sample, as the golden files hold it. */
    public static <E> Envelope<E> envelope(E payload) {
        EventType type = EventCodec.typeOf(payload.getClass());
        UUID id = UUID.nameUUIDFromBytes(type.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Envelope<>(id, type.value(), type.version(), T0, payload);
    }

    static Stream<Object> stream() {
        return all().stream();
    }
}
