package io.parley.events.chat;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EventType;
import io.parley.events.Lists;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An accepted (or followed-up) enquiry became a live room between the customer and staff. */
@EventType("chat.room-opened")
public record RoomOpened(
        String roomId,
        String enquiryId,
        ConversationKey conversationKey,
        Channel channel,
        String channelAccountId,
        Customer customer,
        List<Participant> participants,
        Instant openedAt)
        implements RoomEvent {

    public RoomOpened {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(enquiryId, "enquiryId");
        participants = Lists.copyOrEmpty(participants);
    }
}
