package io.parley.chatroom.room;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.parley.events.chat.Participant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rooms collection, one document per enquiry. Its transitions (WAITING → OPEN, OPEN → CLOSED) are each
 * one conditional update, so a redelivered event or a second close matches nothing.
 */
@Component
public class Rooms {

    private static final FindOneAndUpdateOptions AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Room> collection;

    public Rooms(MongoDatabase database) {
        this.collection = database.getCollection("rooms", Room.class);
        collection.createIndex(Indexes.ascending("roomId"), new IndexOptions().sparse(true));
        collection.createIndex(Indexes.ascending("participants.id"));
    }

    public Optional<Room> byEnquiryId(String enquiryId) {
        return Optional.ofNullable(collection.find(eq("_id", enquiryId)).first());
    }

    public Optional<Room> byRoomId(String roomId) {
        return Optional.ofNullable(collection.find(eq("roomId", roomId)).first());
    }

    /** Stores a new waiting room; false when the enquiry has one already (a redelivery). */
    public boolean insert(Room room) {
        try {
            collection.insertOne(room);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** WAITING → OPEN under {@code roomId} with these participants; empty when it is not waiting. */
    public Optional<Room> open(String enquiryId, String roomId, List<Participant> participants, Instant at) {
        return Optional.ofNullable(collection.findOneAndUpdate(
                and(eq("_id", enquiryId), eq("state", RoomState.WAITING.name())),
                Updates.combine(
                        Updates.set("roomId", roomId),
                        Updates.set("state", RoomState.OPEN.name()),
                        Updates.set("participants", participants),
                        Updates.set("openedAt", at)),
                AFTER));
    }

    /** Records that the room's opening and its earlier messages went out on {@code chat.room.v1}. */
    public void announced(String enquiryId) {
        collection.updateOne(eq("_id", enquiryId), Updates.set("announced", true));
    }

    /** WAITING or OPEN → CLOSED; empty when it was closed already. */
    public Optional<Room> close(String enquiryId, @Nullable String closedBy, Instant at) {
        return Optional.ofNullable(collection.findOneAndUpdate(
                and(eq("_id", enquiryId), in("state", RoomState.WAITING.name(), RoomState.OPEN.name())),
                Updates.combine(
                        Updates.set("state", RoomState.CLOSED.name()),
                        Updates.set("closedAt", at),
                        Updates.set("closedBy", closedBy)),
                AFTER));
    }

    /** The rooms a staff member takes part in, most recently opened first. */
    public List<Room> ofStaff(String staffId, int limit) {
        return collection
                .find(eq("participants.id", staffId))
                .sort(Sorts.descending("openedAt"))
                .limit(limit)
                .into(new ArrayList<>())
                .stream()
                .filter(room -> room.roomId() != null && room.hasStaff(staffId))
                .toList();
    }
}
