package io.parley.ingest.account;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.events.Channel;
import io.parley.events.Topics;
import io.parley.events.channel.ChannelAccountRemoved;
import io.parley.kit.kafka.EventPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The channel accounts of channel-ingest-service, their single writer. A save publishes the account's
 * public snapshot (never its secrets) on the compacted {@code channel.account.v1}; a removal publishes
 * {@code ChannelAccountRemoved}, which chatroom-service and routing-service already apply.
 */
@Component
public class ChannelAccounts {

    private final MongoCollection<ChannelAccount> collection;
    private final EventPublisher events;

    public ChannelAccounts(MongoDatabase database, EventPublisher events) {
        this.collection = database.getCollection("channel_accounts", ChannelAccount.class);
        this.events = events;
    }

    /** The account with this id if it is enabled and of this channel. */
    public Optional<ChannelAccount> enabled(Channel channel, String id) {
        return byId(id).filter(ChannelAccount::enabled).filter(account -> account.channel() == channel);
    }

    public Optional<ChannelAccount> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /** Every account, sorted by id. */
    public List<ChannelAccount> all() {
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** The enabled accounts of one channel (a webhook shared by all of them picks among these). */
    public List<ChannelAccount> enabledOn(Channel channel) {
        return collection
                .find(and(eq("channel", channel.name()), eq("enabled", true)))
                .into(new ArrayList<>());
    }

    public ChannelAccount save(ChannelAccount account) {
        collection.replaceOne(eq("_id", account.id()), account, new ReplaceOptions().upsert(true));
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, account.id(), account.snapshot());
        return account;
    }

    /**
     * Publishes the account's removal, then deletes it; false when there was none. In this order a failure
     * in between leaves the account in place, so the admin's retry publishes and deletes again.
     */
    public boolean delete(String id, Instant at) {
        if (byId(id).isEmpty()) {
            return false;
        }
        events.publishAndWait(Topics.CHANNEL_ACCOUNT, id, new ChannelAccountRemoved(id, at));
        collection.deleteOne(eq("_id", id));
        return true;
    }
}
