package io.parley.enquiry.intake;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which enquiry a conversation is in now, and which platform messages of it were already taken in. Only
 * the intake consumer — one per conversation, by partition — writes the mapping.
 */
@Component
public class Conversations {

    private final MongoCollection<Document> current;
    private final MongoCollection<Document> processed;

    Conversations(MongoDatabase database) {
        this.current = database.getCollection("conversations");
        this.processed = database.getCollection("processed_messages");
    }

    Optional<String> currentEnquiry(String conversationKey) {
        Document doc = current.find(eq("_id", conversationKey)).first();
        return Optional.ofNullable(doc == null ? null : doc.getString("enquiryId"));
    }

    void setCurrent(String conversationKey, String enquiryId) {
        current.replaceOne(
                eq("_id", conversationKey),
                new Document("_id", conversationKey).append("enquiryId", enquiryId),
                new ReplaceOptions().upsert(true));
    }

    /** Clears the mapping if it still points at this enquiry: the next message opens a new one. */
    public void clearIfCurrent(String conversationKey, String enquiryId) {
        current.updateOne(and(eq("_id", conversationKey), eq("enquiryId", enquiryId)), Updates.unset("enquiryId"));
    }

    /** Whether the conversation's current enquiry is this one. */
    public boolean isCurrent(String conversationKey, String enquiryId) {
        return currentEnquiry(conversationKey).map(enquiryId::equals).orElse(false);
    }

    boolean alreadyTaken(String conversationKey, String platformMessageId) {
        return processed
                        .find(eq("_id", key(conversationKey, platformMessageId)))
                        .first()
                != null;
    }

    /** Remembers a message as taken in; recorded after its effect, so a crash in between repeats the effect. */
    void taken(String conversationKey, String platformMessageId) {
        try {
            processed.insertOne(new Document("_id", key(conversationKey, platformMessageId)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String key(String conversationKey, String platformMessageId) {
        return conversationKey + "|" + platformMessageId;
    }
}
