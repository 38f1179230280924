package io.parley.chatroom.room;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.chat.Participant;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * An enquiry's room, kept under the enquiry id from its first message; it gets its {@code roomId} (chosen by
 * enquiry-service) when a staff member accepts or follows up the enquiry.
 *
 * @param announced whether {@code RoomOpened} and the messages before it have gone out on {@code chat.room.v1}
 */
public record Room(
        @BsonId String enquiryId,
        @Nullable String roomId,
        RoomState state,
        String conversationKey,
        Channel channel,
        String channelAccountId,
        Customer customer,
        List<Participant> participants,
        Instant createdAt,
        @Nullable Instant openedAt,
        @Nullable Instant closedAt,
        @Nullable String closedBy,
        boolean announced) {

    public Room {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** A waiting room for an enquiry that has just opened. */
    public static Room waiting(String enquiryId, ConversationKey conversation, Customer customer, Instant createdAt) {
        return new Room(
                enquiryId,
                null,
                RoomState.WAITING,
                conversation.value(),
                conversation.channel(),
                conversation.accountId(),
                customer,
                List.of(),
                createdAt,
                null,
                null,
                null,
                false);
    }

    public ConversationKey conversation() {
        return ConversationKey.parse(conversationKey);
    }

    /** Whether this staff member is one of the room's participants. */
    public boolean hasStaff(String staffId) {
        return participants.stream().anyMatch(p -> p.role() == Participant.Role.STAFF && p.id().equals(staffId));
    }
}
