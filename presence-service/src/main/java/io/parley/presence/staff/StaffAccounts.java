package io.parley.presence.staff;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.Topics;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.kit.kafka.EventPublisher;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The staff accounts of presence-service, its single writer. Saving an account announces the staff member
 * on {@code presence.staff-status.v1} so routing knows them; a new account starts OFFLINE.
 */
@Component
public class StaffAccounts {

    private final MongoCollection<StaffAccount> collection;
    private final EventPublisher events;
    private final Clock clock;

    public StaffAccounts(MongoDatabase database, EventPublisher events, Clock clock) {
        this.collection = database.getCollection("staff", StaffAccount.class);
        this.collection.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
        this.events = events;
        this.clock = clock;
    }

    public Optional<StaffAccount> byUsername(String username) {
        return Optional.ofNullable(collection.find(eq("username", username)).first());
    }

    public boolean anyWithRole(Role role) {
        return collection.find(in("roles", role.name())).first() != null;
    }

    /** Creates or replaces an account (by id) and publishes its status snapshot. */
    public StaffAccount save(StaffAccount account) {
        collection.replaceOne(eq("_id", account.id()), account, new ReplaceOptions().upsert(true));
        events.publishAndWait(
                Topics.PRESENCE_STAFF_STATUS,
                account.id(),
                new StaffStatusChanged(
                        account.id(),
                        account.name(),
                        account.photoUrl(),
                        Availability.OFFLINE,
                        account.maxConcurrentChats(),
                        0,
                        clock.instant()));
        return account;
    }
}
