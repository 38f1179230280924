package io.parley.chatroom.room;

import io.parley.events.Sender;
import io.parley.events.Topics;
import io.parley.events.chat.RoomClosed;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Closes a room once: one conditional update from OPEN (or WAITING) to CLOSED, then a SYSTEM message saying
 * so and {@code RoomClosed} on {@code chat.room.v1}, which closes the enquiry in enquiry-service. A second
 * close matches nothing.
 */
@Component
public class RoomClosings {

    private final Rooms rooms;
    private final RoomPostings postings;
    private final EventPublisher events;
    private final Clock clock;

    RoomClosings(Rooms rooms, RoomPostings postings, EventPublisher events, Clock clock) {
        this.rooms = rooms;
        this.postings = postings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Closes the room, saying {@code notice} in it.
     *
     * @param closedBy the staff id who closed it, or null when the system did
     * @return the closed room, or empty when it was closed already
     */
    public Optional<Room> close(Room room, @Nullable String closedBy, String notice) {
        Instant now = clock.instant();
        Optional<Room> closed = rooms.close(room.enquiryId(), closedBy, now);
        closed.ifPresent(done -> {
            String roomId = done.roomId();
            if (roomId == null) {
                return; // an enquiry that never became a room: nobody to tell
            }
            postings.post(done, "closed", Sender.system(), notice, List.of(), now, null);
            events.publishAndWait(Topics.CHAT_ROOM, roomId, new RoomClosed(roomId, done.enquiryId(), closedBy, now));
        });
        return closed;
    }
}
