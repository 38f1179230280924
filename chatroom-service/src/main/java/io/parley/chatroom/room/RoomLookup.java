package io.parley.chatroom.room;

import io.parley.chatroom.ChatroomSettings;
import io.parley.kit.auth.StaffRoles;
import io.parley.kit.wait.Awaited;
import io.parley.kit.web.Problem;
import io.parley.security.StaffPrincipal;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Finds the room a staff member asks for, and lets them in only if they take part in it or supervise
 * ({@code SUPERVISOR} or {@code ADMIN}); anyone else gets {@code 403 room.forbidden}. The accept answers with
 * the room id a moment before this service has consumed {@code EnquiryAccepted}, so an unknown room id is
 * awaited for {@code parley.chatroom.room-grace} before {@code 404 room.not-found}: looked up again as soon as
 * this instance opens it ({@link #opened}), and every 250 ms for a room another instance opens.
 */
@Component
public class RoomLookup {

    private final Rooms rooms;
    private final Duration grace;
    private final Awaited<String> opening = new Awaited<>(Duration.ofMillis(250));

    RoomLookup(Rooms rooms, ChatroomSettings settings) {
        this.rooms = rooms;
        this.grace = settings.roomGrace();
    }

    /** The room, awaited for the grace period; empty when it still does not exist. */
    public Optional<Room> await(String roomId) {
        return opening.await(roomId, grace, () -> rooms.byRoomId(roomId));
    }

    /** This instance has just opened the room: requests waiting for it look again now. */
    public void opened(String roomId) {
        opening.signal(roomId);
    }

    /** The room, if this staff member may read and write it. */
    public Room forStaff(String roomId, StaffPrincipal staff) {
        Room room = await(roomId).orElseThrow(() -> Problem.notFound("room.not-found", "No room " + roomId));
        if (!mayEnter(room, staff)) {
            throw new Problem(HttpStatus.FORBIDDEN, "room.forbidden", "You are not in this room");
        }
        return room;
    }

    /** Participants and supervisors may read and write a room. */
    public static boolean mayEnter(Room room, StaffPrincipal staff) {
        return room.hasStaff(staff.staffId()) || staff.hasAnyRole(StaffRoles.SUPERVISOR, StaffRoles.ADMIN);
    }
}
