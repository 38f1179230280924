package io.parley.ingest.line;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.ConversationKey;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The latest reply token of each LINE conversation. A token is single-use: taking it deletes it in the same
 * operation, so two replies never both use it; an expired one is never taken.
 */
@Component
class LineReplyTokens {

    private final MongoCollection<Document> tokens;

    LineReplyTokens(MongoDatabase database) {
        this.tokens = database.getCollection("line_reply_tokens");
    }

    void keep(ConversationKey conversation, String token, Instant receivedAt) {
        tokens.replaceOne(
                eq("_id", conversation.value()),
                new Document("_id", conversation.value())
                        .append("token", token)
                        .append("receivedAtMillis", receivedAt.toEpochMilli()),
                new ReplaceOptions().upsert(true));
    }

    /** The conversation's token if received at or after {@code notBefore}, removed so it is used once. */
    Optional<String> take(ConversationKey conversation, Instant notBefore) {
        Document taken = tokens.findOneAndDelete(
                and(eq("_id", conversation.value()), gte("receivedAtMillis", notBefore.toEpochMilli())));
        return Optional.ofNullable(taken).map(document -> document.getString("token"));
    }
}
