package io.parley.ingest.account;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.Topics;
import io.parley.kit.kafka.EventPublisher;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The channel accounts of channel-ingest-service, their single writer. A save publishes the account's
 * public snapshot (never its secrets) on the compacted {@code channel.account.v1}.
 */
@Component
public class ChannelAccounts {

    private final MongoCollection<ChannelAccount> collection;
    private final EventPublisher events;

    public ChannelAccounts(MongoDatabase database, EventPublisher events) {
        this.collection = database.getCollection("channel_accounts", ChannelAccount.class);
        this.events = events;
    }

    public Optional<ChannelAccount> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    public ChannelAccount save(ChannelAccount account) {
        collection.replaceOne(eq("_id", account.id()), account, new ReplaceOptions().upsert(true));
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, account.id(), account.snapshot());
        return account;
    }
}
