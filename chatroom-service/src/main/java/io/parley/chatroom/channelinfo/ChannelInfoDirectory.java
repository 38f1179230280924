package io.parley.chatroom.channelinfo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.Envelope;
import io.parley.events.channel.ChannelAccountEvent;
import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.channel.ChannelAccountRemoved;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps the latest public snapshot of every channel account, for the side panel of a room. Idempotent and
 * order-safe: a snapshot older than the one held is ignored, so redelivery changes nothing.
 */
@Component
public class ChannelInfoDirectory {

    private final MongoCollection<ChannelInfo> collection;

    public ChannelInfoDirectory(MongoDatabase database) {
        this.collection = database.getCollection("channel_info", ChannelInfo.class);
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
            case ChannelAccountRemoved removed ->
                collection.deleteOne(and(eq("_id", removed.accountId()), lte("updatedAt", removed.removedAt())));
        }
    }

    private void keepIfNewer(ChannelInfo info) {
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
