package io.parley.events;

import io.parley.events.channel.ChannelAccountEvent;
import io.parley.events.channel.DeliveryStatusEvent;
import io.parley.events.channel.InboundMessageEvent;
import io.parley.events.channel.OutboundMessageEvent;
import io.parley.events.chat.RoomEvent;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.presence.StaffStatusEvent;
import io.parley.events.routing.DestinationEvent;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.RoutingTimeoutEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every topic of Parley, declared once: name ({@code <context>.<aggregate>.v<major>}), key, event interface
 * and retention. The key is always the aggregate's id, so one partition carries one aggregate in order.
 */
public final class Topics {

    /** Every verified inbound message, normalised; keyed by conversation. */
    public static final Topic<ConversationKey, InboundMessageEvent> CHANNEL_INBOUND_MESSAGE =
            Topic.keyedByConversation("channel.inbound-message.v1", InboundMessageEvent.class);

    /** Messages to deliver to a channel (replies, welcome, missed notices); keyed by conversation. */
    public static final Topic<ConversationKey, OutboundMessageEvent> CHANNEL_OUTBOUND_MESSAGE =
            Topic.keyedByConversation("channel.outbound-message.v1", OutboundMessageEvent.class);

    /** Sent / delivered / read / failed per outbound message; keyed by conversation. */
    public static final Topic<ConversationKey, DeliveryStatusEvent> CHANNEL_DELIVERY_STATUS =
            Topic.keyedByConversation("channel.delivery-status.v1", DeliveryStatusEvent.class);

    /** The public part of channel accounts; keyed by channel account id. */
    public static final Topic<String, ChannelAccountEvent> CHANNEL_ACCOUNT =
            Topic.keyedByString("channel.account.v1", ChannelAccountEvent.class, Topic.Retention.COMPACT);

    /** An enquiry's transitions; keyed by enquiry id. */
    public static final Topic<String, EnquiryEvent> ENQUIRY_LIFECYCLE =
            Topic.keyedByString("enquiry.lifecycle.v1", EnquiryEvent.class, Topic.Retention.DELETE);

    /**
     * Offers created and withdrawn, a record per routing decision for every staff member it concerns; keyed by
     * enquiry id.
     */
    public static final Topic<String, EnquiryOffersEvent> ROUTING_OFFER =
            Topic.keyedByString("routing.offer.v2", EnquiryOffersEvent.class, Topic.Retention.DELETE);

    /** Waiting times that ran out; keyed by enquiry id. */
    public static final Topic<String, RoutingTimeoutEvent> ROUTING_TIMEOUT =
            Topic.keyedByString("routing.timeout.v1", RoutingTimeoutEvent.class, Topic.Retention.DELETE);

    /** Destination and tag snapshots; keyed by destination or tag id. */
    public static final Topic<String, DestinationEvent> ROUTING_DESTINATION =
            Topic.keyedByString("routing.destination.v1", DestinationEvent.class, Topic.Retention.COMPACT);

    /** Staff availability, capacity and load; keyed by staff id. */
    public static final Topic<String, StaffStatusEvent> PRESENCE_STAFF_STATUS =
            Topic.keyedByString("presence.staff-status.v1", StaffStatusEvent.class, Topic.Retention.COMPACT);

    /** Rooms and their ordered messages; keyed by room id. */
    public static final Topic<String, RoomEvent> CHAT_ROOM =
            Topic.keyedByString("chat.room.v1", RoomEvent.class, Topic.Retention.DELETE);

    private static final List<Topic<?, ?>> ALL = List.of(
            CHANNEL_INBOUND_MESSAGE,
            CHANNEL_OUTBOUND_MESSAGE,
            CHANNEL_DELIVERY_STATUS,
            CHANNEL_ACCOUNT,
            ENQUIRY_LIFECYCLE,
            ROUTING_OFFER,
            ROUTING_TIMEOUT,
            ROUTING_DESTINATION,
            PRESENCE_STAFF_STATUS,
            CHAT_ROOM);

    /** Every record a consumer reads looks its topic up by name. */
    private static final Map<String, Topic<?, ?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Topic::name, topic -> topic));

    private Topics() {}

    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    public static Optional<Topic<?, ?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
