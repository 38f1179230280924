package io.parley.chatroom.conversation;

import io.parley.chatroom.channelinfo.ChannelInfo;
import io.parley.chatroom.room.MessageView;
import io.parley.chatroom.room.Room;
import io.parley.chatroom.room.RoomState;
import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.events.channel.ChannelAccountPublished.CustomInfoField;
import io.parley.events.chat.Participant;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The shapes of the room API's answers. */
final class RoomViews {

    private RoomViews() {}

    /** The customer as staff see them. */
    record CustomerView(
            String id,
            @Nullable String name,
            @Nullable String photoUrl,
            @Nullable String email) {

        static CustomerView of(Customer customer) {
            return new CustomerView(
                    customer.externalId(), customer.displayName(), customer.photoUrl(), customer.email());
        }
    }

    /** A line of "my rooms": open rooms first, each with its last message and how many I have not read. */
    record RoomSummary(
            String roomId,
            String enquiryId,
            RoomState state,
            Channel channel,
            CustomerView customer,
            List<Participant> participants,
            @Nullable Instant openedAt,
            @Nullable Instant closedAt,
            @Nullable MessageView lastMessage,
            long unread) {}

    /** The channel account's public info beside a chat. */
    record ChannelInfoView(String accountId, String name, boolean enabled, List<CustomInfoField> customInfo) {

        static ChannelInfoView of(ChannelInfo info) {
            return new ChannelInfoView(info.accountId(), info.name(), info.enabled(), info.customInfo());
        }
    }

    /** A room with everything its side panel shows. */
    record RoomDetail(
            String roomId,
            String enquiryId,
            RoomState state,
            Channel channel,
            String channelAccountId,
            String conversationKey,
            CustomerView customer,
            List<Participant> participants,
            @Nullable Instant openedAt,
            @Nullable Instant closedAt,
            @Nullable String closedBy,
            long lastSeq,
            @Nullable ChannelInfoView channelInfo) {

        static RoomDetail of(Room room, long lastSeq, @Nullable ChannelInfo info) {
            return new RoomDetail(
                    String.valueOf(room.roomId()),
                    room.enquiryId(),
                    room.state(),
                    room.channel(),
                    room.channelAccountId(),
                    room.conversationKey(),
                    CustomerView.of(room.customer()),
                    room.participants(),
                    room.openedAt(),
                    room.closedAt(),
                    room.closedBy(),
                    lastSeq,
                    info == null ? null : ChannelInfoView.of(info));
        }
    }

    /** The body of a new message. */
    record NewMessage(@Nullable String text) {}

    /** The answer to a new message: its place in the room. */
    record Posted(long seq, String messageId) {}

    /** The answer to a close. */
    record Closed(String roomId, RoomState state, @Nullable Instant closedAt) {}
}
