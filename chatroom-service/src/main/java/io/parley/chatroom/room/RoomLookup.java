package io.parley.chatroom.room;

import io.parley.chatroom.ChatroomSettings;
import io.parley.kit.auth.StaffRoles;
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
 * awaited for {@code parley.chatroom.room-grace} before {@code 404 room.not-found}.
 */
@Component
public class RoomLookup {

    private static final Duration POLL = Duration.ofMillis(25);

    private final Rooms rooms;
    private final Duration grace;

    RoomLookup(Rooms rooms, ChatroomSettings settings) {
        this.rooms = rooms;
        this.grace = settings.roomGrace();
    }

    /** The room, awaited for the grace period; empty when it still does not exist. */
    public Optional<Room> await(String roomId) {
        long giveUp = System.nanoTime() + grace.toNanos();
        while (true) {
            Optional<Room> room = rooms.byRoomId(roomId);
            if (room.isPresent() || System.nanoTime() - giveUp >= 0) {
                return room;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return room;
            }
        }
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
