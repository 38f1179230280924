package io.parley.ingest.woztell;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.ConversationKey;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The WOZTELL channel id each conversation last came in on (the webhook's {@code channel}): the {@code
 * channelId} its replies are sent through.
 */
@Component
class WoztellChannels {

    private final MongoCollection<Document> channels;

    WoztellChannels(MongoDatabase database) {
        this.channels = database.getCollection("woztell_channels");
    }

    void keep(ConversationKey conversation, String channelId, Instant receivedAt) {
        channels.replaceOne(
                eq("_id", conversation.value()),
                new Document("_id", conversation.value())
                        .append("channelId", channelId)
                        .append("receivedAt", receivedAt),
                new ReplaceOptions().upsert(true));
    }

    Optional<String> of(ConversationKey conversation) {
        return Optional.ofNullable(
                        channels.find(eq("_id", conversation.value())).first())
                .map(document -> document.getString("channelId"));
    }
}
