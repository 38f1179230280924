package io.parley.chatroom.conversation;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * How far each staff member has read each room: the highest {@code seq} they fetched or wrote. It only
 * grows, so the unread count of a room is the number of others' messages after it.
 */
@Component
class ReadMarks {

    private final MongoCollection<Document> collection;

    ReadMarks(MongoDatabase database) {
        this.collection = database.getCollection("read_marks");
    }

    void read(String enquiryId, String staffId, long seq) {
        collection.updateOne(
                eq("_id", id(enquiryId, staffId)), Updates.max("seq", seq), new UpdateOptions().upsert(true));
    }

    long of(String enquiryId, String staffId) {
        Document mark = collection.find(eq("_id", id(enquiryId, staffId))).first();
        return mark == null ? 0 : mark.get("seq", Number.class).longValue();
    }

    private static String id(String enquiryId, String staffId) {
        return enquiryId + "|" + staffId;
    }
}
