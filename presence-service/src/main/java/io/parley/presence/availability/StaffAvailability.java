package io.parley.presence.availability;

import io.parley.events.presence.Availability;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One staff member's availability as stored (collection {@code availability}).
 *
 * @param statusBeforeIdle the status that automatic IDLE interrupted, restored on the next activity; null when
 *     the staff member is not automatically IDLE
 * @param connectedSockets agent sockets open now
 * @param socketsGoneAt when the last agent socket closed; null while one is open or before any was
 * @param activeRooms the live rooms the staff member is in: a set, so a redelivered room event counts once
 * @param version bumped on every write; writes are conditional on it
 */
public record StaffAvailability(
        @BsonId String id,
        Availability status,
        @Nullable Availability statusBeforeIdle,
        Instant lastActivityAt,
        int connectedSockets,
        @Nullable Instant socketsGoneAt,
        Set<String> activeRooms,
        long version) {

    public StaffAvailability {
        activeRooms = Set.copyOf(activeRooms);
    }

    static StaffAvailability initial(String staffId, Instant now) {
        return new StaffAvailability(staffId, Availability.OFFLINE, null, now, 0, null, Set.of(), 0);
    }

    int activeChats() {
        return activeRooms.size();
    }

    StaffAvailability withStatus(Availability newStatus, @Nullable Availability beforeIdle) {
        return new StaffAvailability(
                id, newStatus, beforeIdle, lastActivityAt, connectedSockets, socketsGoneAt, activeRooms, version);
    }

    StaffAvailability withActivityAt(Instant at) {
        return new StaffAvailability(
                id, status, statusBeforeIdle, at, connectedSockets, socketsGoneAt, activeRooms, version);
    }

    StaffAvailability withSockets(int sockets, @Nullable Instant goneAt) {
        return new StaffAvailability(
                id, status, statusBeforeIdle, lastActivityAt, sockets, goneAt, activeRooms, version);
    }

    StaffAvailability withRoom(String roomId, boolean in) {
        Set<String> rooms = new HashSet<>(activeRooms);
        if (in) {
            rooms.add(roomId);
        } else {
            rooms.remove(roomId);
        }
        return new StaffAvailability(
                id, status, statusBeforeIdle, lastActivityAt, connectedSockets, socketsGoneAt, rooms, version);
    }

    StaffAvailability withVersion(long newVersion) {
        return new StaffAvailability(
                id, status, statusBeforeIdle, lastActivityAt, connectedSockets, socketsGoneAt, activeRooms, newVersion);
    }
}
