package io.parley.chatroom.conversation;

import io.parley.chatroom.channelinfo.ChannelInfoDirectory;
import io.parley.chatroom.conversation.RoomViews.Closed;
import io.parley.chatroom.conversation.RoomViews.CustomerView;
import io.parley.chatroom.conversation.RoomViews.NewMessage;
import io.parley.chatroom.conversation.RoomViews.Posted;
import io.parley.chatroom.conversation.RoomViews.RoomDetail;
import io.parley.chatroom.conversation.RoomViews.RoomSummary;
import io.parley.chatroom.room.MessageView;
import io.parley.chatroom.room.Room;
import io.parley.chatroom.room.RoomClosings;
import io.parley.chatroom.room.RoomLookup;
import io.parley.chatroom.room.RoomMessage;
import io.parley.chatroom.room.RoomState;
import io.parley.chatroom.room.Rooms;
import io.parley.chatroom.room.Transcripts;
import io.parley.kit.web.Problem;
import io.parley.security.StaffPrincipal;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The room API of API.md. Only a room's participants, and supervisors, read or write it ({@code 403
 * room.forbidden}); an unknown room is {@code 404 room.not-found} after a short grace; a closed room takes
 * no more messages ({@code 409 room.closed}).
 */
@RestController
@RequestMapping("/api/rooms")
class RoomController {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;
    private static final int MY_ROOMS = 200;

    private final Rooms rooms;
    private final RoomLookup lookup;
    private final Transcripts transcripts;
    private final StaffReplies replies;
    private final RoomClosings closings;
    private final ReadMarks readMarks;
    private final ChannelInfoDirectory channelInfo;

    RoomController(
            Rooms rooms,
            RoomLookup lookup,
            Transcripts transcripts,
            StaffReplies replies,
            RoomClosings closings,
            ReadMarks readMarks,
            ChannelInfoDirectory channelInfo) {
        this.rooms = rooms;
        this.lookup = lookup;
        this.transcripts = transcripts;
        this.replies = replies;
        this.closings = closings;
        this.readMarks = readMarks;
        this.channelInfo = channelInfo;
    }

    /** My rooms: open ones first, then the most recently opened. */
    @GetMapping
    List<RoomSummary> myRooms(StaffPrincipal staff) {
        return rooms.ofStaff(staff.staffId(), MY_ROOMS).stream()
                .sorted(Comparator.comparing((Room room) -> room.state() != RoomState.OPEN))
                .map(room -> summary(room, staff))
                .toList();
    }

    private RoomSummary summary(Room room, StaffPrincipal staff) {
        MessageView last =
                transcripts.last(room.enquiryId()).map(MessageView::of).orElse(null);
        long unread = transcripts.countAfter(
                room.enquiryId(), readMarks.of(room.enquiryId(), staff.staffId()), staff.staffId());
        return new RoomSummary(
                String.valueOf(room.roomId()),
                room.enquiryId(),
                room.state(),
                room.channel(),
                CustomerView.of(room.customer()),
                room.participants(),
                room.openedAt(),
                room.closedAt(),
                last,
                unread);
    }

    @GetMapping("/{roomId}")
    RoomDetail room(@PathVariable String roomId, StaffPrincipal staff) {
        Room room = lookup.forStaff(roomId, staff);
        return RoomDetail.of(
                room,
                transcripts.lastSeq(room.enquiryId()),
                channelInfo.byAccountId(room.channelAccountId()).orElse(null));
    }

    /** The room's messages after {@code after}, in {@code seq} order; reading them marks them read. */
    @GetMapping("/{roomId}/messages")
    List<MessageView> messages(
            @PathVariable String roomId,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String limit,
            StaffPrincipal staff) {
        long from = number(after, "after", 0, 0, Long.MAX_VALUE);
        int size = (int) Math.min(number(limit, "limit", DEFAULT_PAGE, 1, Integer.MAX_VALUE), MAX_PAGE);
        Room room = lookup.forStaff(roomId, staff);
        List<RoomMessage> page = transcripts.after(room.enquiryId(), from, size);
        if (!page.isEmpty() && room.hasStaff(staff.staffId())) {
            readMarks.read(room.enquiryId(), staff.staffId(), page.getLast().seq());
        }
        return page.stream().map(MessageView::of).toList();
    }

    @PostMapping("/{roomId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Posted post(@PathVariable String roomId, @RequestBody NewMessage body, StaffPrincipal staff) {
        Room room = lookup.forStaff(roomId, staff);
        RoomMessage message = replies.reply(room, staff, body.text());
        if (room.hasStaff(staff.staffId())) {
            readMarks.read(room.enquiryId(), staff.staffId(), message.seq());
        }
        return new Posted(message.seq(), message.messageId());
    }

    /** Closes the room (and so, in enquiry-service, the enquiry); a second close is {@code 409 room.closed}. */
    @PostMapping("/{roomId}/close")
    Closed close(@PathVariable String roomId, StaffPrincipal staff) {
        Room room = lookup.forStaff(roomId, staff);
        Room closed = closings.close(room, staff.staffId(), staff.name() + " closed the room")
                .orElseThrow(() -> Problem.conflict("room.closed", "This room is closed already"));
        return new Closed(roomId, closed.state(), closed.closedAt());
    }

    private static long number(@Nullable String value, String name, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("request.invalid", name + " must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw Problem.badRequest("request.invalid", name + " must be at least " + min);
        }
        return parsed;
    }
}
