package io.parley.chatroom.channelinfo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.parley.events.Envelope;
import io.parley.events.channel.ChannelAccountEvent;
import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.channel.ChannelAccountRemoved;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Keeps the latest public snapshot of every channel account, for the side panel of a room. Idempotent and
 * order-safe: a snapshot older than the one held, or than the account's removal (kept as a tombstone), is
 * ignored, so redelivery and late arrival change nothing.
 */
@Component
public class ChannelInfoDirectory {

    private final MongoCollection<ChannelInfo> collection;
    private final MongoCollection<Document> removals;

    public ChannelInfoDirectory(MongoDatabase database) {
        this.collection = database.getCollection("channel_info", ChannelInfo.class);
        this.removals = database.getCollection("channel_info_removals");
    }

    public Optional<ChannelInfo> byAccountId(String accountId) {
        return Optional.ofNullable(collection.find(eq("_id", accountId)).first());
    }

    void apply(String accountId, Envelope<ChannelAccountEvent> event) {
        switch (event.payload()) {
            case ChannelAccountPublished published ->
                keepIfNewer(new ChannelInfo(
                        published.accountId(),
                        published.channel(),
                        published.name(),
                        published.enabled(),
                        published.customInfo(),
                        published.updatedAt()));
            case ChannelAccountRemoved removed -> {
                removals.updateOne(
                        eq("_id", removed.accountId()),
                        Updates.max("removedAt", removed.removedAt()),
                        new UpdateOptions().upsert(true));
                collection.deleteOne(and(eq("_id", removed.accountId()), lte("updatedAt", removed.removedAt())));
            }
        }
    }

    /** A snapshot older than the account's removal must not bring it back (redelivery, late arrival). */
    private boolean removedSince(ChannelInfo info) {
        Document removal = removals.find(eq("_id", info.accountId())).first();
        return removal != null && !removal.getDate("removedAt").toInstant().isBefore(info.updatedAt());
    }

    private void keepIfNewer(ChannelInfo info) {
        if (removedSince(info)) {
            return;
        }
        try {
            collection.replaceOne(
                    and(eq("_id", info.accountId()), lte("updatedAt", info.updatedAt())),
                    info,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The upsert met a newer snapshot under the same id: nothing to do.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
