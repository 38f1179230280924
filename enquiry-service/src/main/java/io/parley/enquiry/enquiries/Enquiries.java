package io.parley.enquiry.enquiries;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The enquiries collection. Racing transitions (accept against accept, accept against the deadline) are
 * each one conditional {@code findOneAndUpdate} on the enquiry's own document: whichever matches first wins,
 * the others match nothing. No transaction is needed.
 */
@Component
public class Enquiries {

    private static final FindOneAndUpdateOptions AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Enquiry> collection;

    public Enquiries(MongoDatabase database) {
        this.collection = database.getCollection("enquiries", Enquiry.class);
        collection.createIndex(Indexes.descending("openedAt"));
        collection.createIndex(Indexes.ascending("state", "openedAt"), new IndexOptions());
    }

    public Optional<Enquiry> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /** Inserts a new enquiry; false when one with this id exists already (a redelivery). */
    public boolean insert(Enquiry enquiry) {
        try {
            collection.insertOne(enquiry);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * OPEN → ONGOING for this staff member, only if it is offered to them and its deadline has not passed;
     * the transition's event goes into the outbox in the same update.
     */
    public Optional<Enquiry> accept(String id, String staffId, String roomId, Instant now, String event) {
        return update(
                and(
                        eq("_id", id),
                        eq("state", EnquiryState.OPEN.name()),
                        gt("deadline", now),
                        eq("offeredTo", staffId)),
                Updates.combine(
                        Updates.set("state", EnquiryState.ONGOING.name()),
                        Updates.set("staffId", staffId),
                        Updates.set("roomId", roomId),
                        Updates.set("acceptedAt", now),
                        Updates.push("outbox", event)));
    }

    /** OPEN → MISSED, with its event. */
    public Optional<Enquiry> miss(String id, Instant now, String event) {
        return update(
                and(eq("_id", id), eq("state", EnquiryState.OPEN.name())),
                Updates.combine(
                        Updates.set("state", EnquiryState.MISSED.name()),
                        Updates.set("missedAt", now),
                        Updates.push("outbox", event)));
    }

    /** MISSED → FOLLOWED_UP with this staff member in a new room, with its event. */
    public Optional<Enquiry> followUp(String id, String staffId, String roomId, Instant now, String event) {
        return update(
                and(eq("_id", id), eq("state", EnquiryState.MISSED.name())),
                Updates.combine(
                        Updates.set("state", EnquiryState.FOLLOWED_UP.name()),
                        Updates.set("staffId", staffId),
                        Updates.set("roomId", roomId),
                        Updates.set("followedUpAt", now),
                        Updates.push("outbox", event)));
    }

    /** ONGOING or FOLLOWED_UP → CLOSED, with its event. */
    public Optional<Enquiry> close(String id, @Nullable String closedBy, Instant now, String event) {
        return update(
                and(eq("_id", id), in("state", EnquiryState.ONGOING.name(), EnquiryState.FOLLOWED_UP.name())),
                Updates.combine(
                        Updates.set("state", EnquiryState.CLOSED.name()),
                        Updates.set("closedAt", now),
                        Updates.set("closedBy", closedBy),
                        Updates.push("outbox", event)));
    }

    /** Queues an event that changes no state (a customer message), behind the enquiry's earlier events. */
    public Optional<Enquiry> queue(String id, String event) {
        return update(eq("_id", id), Updates.push("outbox", event));
    }

    /** Kafka acknowledged this outbox event: take it out. */
    public void delivered(String id, String event) {
        collection.updateOne(eq("_id", id), Updates.pull("outbox", event));
    }

    /** The ids of enquiries with events still waiting for Kafka: reads every enquiry, so only for a sweep. */
    public List<String> idsWithPendingEvents(int limit) {
        return collection
                .withDocumentClass(Document.class)
                .find(Filters.exists("outbox.0"))
                .projection(Projections.include("_id"))
                .limit(limit)
                .map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    /** Adds the staff members to the enquiry's {@code offeredTo}: one write however many they are. */
    public void offered(String id, Collection<String> staffIds) {
        collection.updateOne(eq("_id", id), Updates.addEachToSet("offeredTo", List.copyOf(staffIds)));
    }

    /** Removes the staff members from the enquiry's {@code offeredTo}: one write however many they are. */
    public void withdrawn(String id, Collection<String> staffIds) {
        collection.updateOne(eq("_id", id), Updates.pullAll("offeredTo", List.copyOf(staffIds)));
    }

    public List<Enquiry> find(Bson filter, int skip, int limit) {
        return collection
                .find(filter)
                .sort(Indexes.descending("openedAt"))
                .skip(skip)
                .limit(limit)
                .into(new ArrayList<>());
    }

    private Optional<Enquiry> update(Bson filter, Bson update) {
        return Optional.ofNullable(collection.findOneAndUpdate(filter, update, AFTER));
    }
}
