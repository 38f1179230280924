package io.parley.chatroom;

import static org.awaitility.Awaitility.await;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.enquiry.CustomerMessage;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.events.enquiry.EnquiryClosed;
import io.parley.events.enquiry.EnquiryFollowedUp;
import io.parley.events.enquiry.EnquiryMessageAdded;
import io.parley.events.enquiry.EnquiryMissed;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.kit.kafka.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Plays enquiry-service for a test: one customer's enquiry on {@code enquiry.lifecycle.v1}, from its opening
 * message to its close, with the room id enquiry-service would choose.
 */
public final class EnquiryScript {

    public final String enquiryId = "enq-" + UUID.randomUUID();
    public final ConversationKey conversation;
    public final Customer customer;
    private final EventPublisher events;
    private @Nullable String roomId;

    private EnquiryScript(EventPublisher events, Channel channel, String accountId) {
        this.events = events;
        this.conversation = new ConversationKey(channel, accountId, "customer-" + UUID.randomUUID());
        this.customer = new Customer(conversation.externalUserId(), "Carol Customer", null, "carol@example.com");
    }

    /** A new enquiry on the web channel, opened by {@code firstText}. */
    public static EnquiryScript open(EventPublisher events, String firstText) {
        return open(events, Channel.WEB, "demo", firstText);
    }

    public static EnquiryScript open(EventPublisher events, Channel channel, String accountId, String firstText) {
        EnquiryScript script = new EnquiryScript(events, channel, accountId);
        Instant now = Instant.now();
        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                script.enquiryId,
                new EnquiryOpened(
                        script.enquiryId,
                        script.conversation,
                        channel,
                        accountId,
                        EnquiryType.BROADCAST,
                        EntryPoint.of(EntryPoint.Type.TAG, "sales"),
                        "sales",
                        script.customer,
                        message("p-first-" + script.enquiryId, firstText),
                        now,
                        now.plusSeconds(60)));
        return script;
    }

    /** The customer writes again (the platform's message id makes a redelivery recognisable). */
    public EnquiryScript customerSays(String platformMessageId, String text) {
        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiryId,
                new EnquiryMessageAdded(enquiryId, conversation, roomId, message(platformMessageId, text)));
        return this;
    }

    /** The staff member accepted; returns the room id enquiry-service chose. */
    public String acceptedBy(String staffId) {
        roomId = "room-" + UUID.randomUUID();
        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiryId,
                new EnquiryAccepted(enquiryId, conversation, staffId, roomId, Instant.now()));
        return roomId;
    }

    /** Nobody accepted in time; then the staff member followed it up. Returns the room id. */
    public String missedThenFollowedUpBy(String staffId) {
        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiryId,
                new EnquiryMissed(enquiryId, conversation, Instant.now(), Instant.now()));
        roomId = "room-" + UUID.randomUUID();
        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiryId,
                new EnquiryFollowedUp(enquiryId, conversation, staffId, roomId, Instant.now()));
        return roomId;
    }

    /** enquiry-service closed the enquiry. */
    public void closedBy(@Nullable String staffId) {
        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiryId,
                new EnquiryClosed(enquiryId, conversation, roomId, staffId, Instant.now()));
    }

    /** Accepted by the staff member, and the room answers its API. */
    public String liveWith(ChatroomUnderTest chatroom, String staffId) {
        String room = acceptedBy(staffId);
        String token = chatroom.token(staffId);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> chatroom.get("/api/rooms/" + room, token).statusCode() == 200);
        return room;
    }

    private static CustomerMessage message(String platformMessageId, String text) {
        return new CustomerMessage(platformMessageId, text, List.of(), Instant.now());
    }
}
