package io.parley.chatroom.lifecycle;

import io.parley.chatroom.room.Room;
import io.parley.chatroom.room.RoomClosings;
import io.parley.chatroom.room.RoomLookup;
import io.parley.chatroom.room.RoomPostings;
import io.parley.chatroom.room.RoomState;
import io.parley.chatroom.room.Rooms;
import io.parley.chatroom.room.Transcripts;
import io.parley.chatroom.staff.StaffNames;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.Envelope;
import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.chat.Participant;
import io.parley.events.enquiry.CustomerMessage;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.events.enquiry.EnquiryClosed;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.enquiry.EnquiryFollowedUp;
import io.parley.events.enquiry.EnquiryMessageAdded;
import io.parley.events.enquiry.EnquiryMissed;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.events.enquiry.EnquiryTransferFailed;
import io.parley.events.enquiry.EnquiryTransferRequested;
import io.parley.kit.kafka.EventSubscription;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Keeps each enquiry's transcript from its first message and turns it into the live room when the enquiry
 * is accepted or followed up. The topic is keyed by enquiry id, so one enquiry's events arrive here in order:
 * a customer message published between the opening and the accept is in the transcript before the room
 * opens, and one published after it lands in the open room; either way it keeps its place. Every step is
 * idempotent: a redelivered event finds the room or message already there and changes nothing.
 */
@Component
class EnquiryFollower {

    private static final Logger log = LoggerFactory.getLogger(EnquiryFollower.class);

    private final Rooms rooms;
    private final Transcripts transcripts;
    private final RoomPostings postings;
    private final RoomClosings closings;
    private final StaffNames staffNames;
    private final RoomLookup roomLookup;

    EnquiryFollower(
            Rooms rooms,
            Transcripts transcripts,
            RoomPostings postings,
            RoomClosings closings,
            StaffNames staffNames,
            RoomLookup roomLookup) {
        this.rooms = rooms;
        this.roomLookup = roomLookup;
        this.transcripts = transcripts;
        this.postings = postings;
        this.closings = closings;
        this.staffNames = staffNames;
    }

    void apply(Envelope<EnquiryEvent> event) {
        switch (event.payload()) {
            case EnquiryOpened opened -> {
                Room room = Room.waiting(
                        opened.enquiryId(), opened.conversationKey(), opened.customer(), opened.openedAt());
                // A redelivered opening finds the room there already, perhaps live by now: read it then.
                addCustomerMessage(
                        rooms.insert(room) ? room : roomOf(opened.enquiryId(), opened.conversationKey()),
                        opened.firstMessage());
            }
            case EnquiryMessageAdded added ->
                addCustomerMessage(roomOf(added.enquiryId(), added.conversationKey()), added.message());
            case EnquiryAccepted accepted ->
                goLive(
                        accepted.enquiryId(),
                        accepted.conversationKey(),
                        accepted.roomId(),
                        accepted.staffId(),
                        accepted.acceptedAt(),
                        "accepted the enquiry");
            case EnquiryFollowedUp followedUp ->
                goLive(
                        followedUp.enquiryId(),
                        followedUp.conversationKey(),
                        followedUp.roomId(),
                        followedUp.staffId(),
                        followedUp.followedUpAt(),
                        "followed up the enquiry");
            case EnquiryClosed closed ->
                rooms.byEnquiryId(closed.enquiryId())
                        .filter(room -> room.state() != RoomState.CLOSED)
                        .ifPresent(room -> closings.close(room, closed.closedBy(), closingNotice(closed)));
            case EnquiryMissed missed -> {
                // The transcript waits for a follow-up.
            }
            case EnquiryTransferRequested requested -> {
                // Transfers are not served yet: the room stays with its staff member.
            }
            case EnquiryTransferFailed failed -> {
                // Nothing changed in the room.
            }
        }
    }

    private void addCustomerMessage(Room room, CustomerMessage message) {
        Customer customer = room.customer();
        postings.post(
                room,
                "p:" + message.platformMessageId(),
                new Sender(Sender.Kind.CUSTOMER, customer.externalId(), customer.displayName()),
                message.text(),
                message.attachments(),
                message.sentAt(),
                null);
    }

    /**
     * WAITING → OPEN. The notice ("Alice accepted the enquiry") is written while the room still waits, so it
     * follows the customer's last waiting message and precedes anything the staff member writes.
     */
    private void goLive(
            String enquiryId, ConversationKey conversation, String roomId, String staffId, Instant at, String verb) {
        Room room = roomOf(enquiryId, conversation);
        if (room.state() == RoomState.WAITING) {
            String staffName = staffNames.displayName(staffId);
            postings.post(room, "live", Sender.system(), staffName + " " + verb, List.of(), at, null);
            long upToSeq = transcripts.lastSeq(enquiryId);
            List<Participant> participants = List.of(
                    new Participant(
                            Participant.Role.CUSTOMER,
                            room.customer().externalId(),
                            room.customer().displayName()),
                    new Participant(Participant.Role.STAFF, staffId, staffName));
            rooms.open(enquiryId, roomId, participants, at).ifPresent(open -> {
                roomLookup.opened(roomId);
                announce(open, upToSeq);
            });
            return;
        }
        if (!roomId.equals(room.roomId())) {
            log.warn("Enquiry {} is already room {}; ignoring room {}", enquiryId, room.roomId(), roomId);
            return;
        }
        if (!room.announced()) {
            // A redelivery after a crash between opening the room and announcing it.
            announce(room, transcripts.lastSeq(enquiryId));
        }
    }

    private void announce(Room open, long upToSeq) {
        postings.announce(open, upToSeq);
        rooms.announced(open.enquiryId());
    }

    /** The enquiry's room; made from the event's conversation if its opening was never seen. */
    private Room roomOf(String enquiryId, ConversationKey conversation) {
        return rooms.byEnquiryId(enquiryId).orElseGet(() -> {
            log.warn("No opening seen for enquiry {}; keeping its transcript from here", enquiryId);
            rooms.insert(Room.waiting(
                    enquiryId,
                    conversation,
                    new Customer(conversation.externalUserId(), null, null, null),
                    Instant.now()));
            return rooms.byEnquiryId(enquiryId).orElseThrow();
        });
    }

    private String closingNotice(EnquiryClosed closed) {
        String closedBy = closed.closedBy();
        return closedBy == null ? "The enquiry was closed" : staffNames.displayName(closedBy) + " closed the enquiry";
    }

    /** chatroom-service follows {@code enquiry.lifecycle.v1}, a consumer per partition. */
    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        EventSubscription<String, EnquiryEvent> enquiryLifecycleSubscription(EnquiryFollower follower) {
            return EventSubscription.on(Topics.ENQUIRY_LIFECYCLE, (key, event) -> follower.apply(event))
                    .withConsumerPerPartition();
        }
    }
}
