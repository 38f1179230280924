package io.parley.presence.availability;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.parley.events.presence.Availability;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stores availability with optimistic writes: a change is read, applied and written only if nobody wrote in
 * between (same version), else retried. Several presence instances, the scheduler and event handlers can
 * therefore change one staff member's availability at once without losing a change.
 */
@Component
class AvailabilityStore {

    /** A change as applied: before and after; equal when it changed nothing. */
    record Change(StaffAvailability before, StaffAvailability after) {

        boolean announced() {
            return before.status() != after.status() || !before.activeRooms().equals(after.activeRooms());
        }
    }

    private final MongoCollection<StaffAvailability> collection;
    private final Clock clock;

    AvailabilityStore(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection("availability", StaffAvailability.class);
        // "Who is in this room" at every room's closing.
        collection.createIndex(Indexes.ascending("activeRooms"));
        this.clock = clock;
    }

    StaffAvailability current(String staffId) {
        StaffAvailability stored = find(staffId);
        return stored != null ? stored : StaffAvailability.initial(staffId, clock.instant());
    }

    Change change(String staffId, UnaryOperator<StaffAvailability> change) {
        for (int attempt = 0; attempt < 50; attempt++) {
            StaffAvailability stored = find(staffId);
            StaffAvailability before = stored != null ? stored : StaffAvailability.initial(staffId, clock.instant());
            StaffAvailability after = change.apply(before);
            if (after.equals(before)) {
                return new Change(before, before);
            }
            StaffAvailability next = after.withVersion(before.version() + 1);
            if (stored == null) {
                try {
                    collection.insertOne(next);
                    return new Change(before, next);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
            } else if (collection
                            .replaceOne(and(eq("_id", staffId), eq("version", before.version())), next)
                            .getMatchedCount()
                    == 1) {
                return new Change(before, next);
            }
        }
        throw new IllegalStateException("Too many concurrent changes of the availability of " + staffId);
    }

    void forget(String staffId) {
        collection.deleteOne(eq("_id", staffId));
    }

    /** ACTIVE or BUSY staff without activity since the cutoff. */
    List<String> inactiveSince(Instant cutoff) {
        return ids(
                and(in("status", Availability.ACTIVE.name(), Availability.BUSY.name()), lt("lastActivityAt", cutoff)));
    }

    /** Staff not OFFLINE whose last agent socket closed before the cutoff, with none open since. */
    List<String> disconnectedSince(Instant cutoff) {
        return ids(
                and(ne("status", Availability.OFFLINE.name()), eq("connectedSockets", 0), lt("socketsGoneAt", cutoff)));
    }

    /** Staff in the room. */
    List<String> inRoom(String roomId) {
        return ids(eq("activeRooms", roomId));
    }

    private List<String> ids(org.bson.conversions.Bson filter) {
        return collection.find(filter).map(StaffAvailability::id).into(new ArrayList<>());
    }

    private @Nullable StaffAvailability find(String staffId) {
        return collection.find(eq("_id", staffId)).first();
    }
}
