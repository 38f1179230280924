package io.parley.ingest.connector;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.parley.events.Channel;
import java.time.Instant;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The platform message ids whose inbound message is already in Kafka, unique by {@code <channel>:<id>}: a
 * re-delivery of one of them is answered 200 and not published again. An id is remembered only after the
 * broker acknowledged its message, so a failure in between at worst publishes it twice, which enquiry-service
 * deduplicates by the same id.
 */
@Component
public class SeenMessages {

    private final MongoCollection<Document> seen;

    SeenMessages(MongoDatabase database) {
        // The name predates the other channels: kept so that ids remembered before stay remembered.
        this.seen = database.getCollection("meta_inbound_seen");
    }

    public boolean contains(Channel channel, String platformMessageId) {
        return seen.find(eq("_id", id(channel, platformMessageId))).first() != null;
    }

    public void remember(Channel channel, String platformMessageId, Instant at) {
        try {
            seen.insertOne(new Document("_id", id(channel, platformMessageId)).append("seenAt", at));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String id(Channel channel, String platformMessageId) {
        return channel.label() + ":" + platformMessageId;
    }
}
