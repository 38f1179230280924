package io.parley.presence.staff;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.parley.events.Topics;
import io.parley.events.presence.StaffRemoved;
import io.parley.kit.kafka.EventPublisher;
import io.parley.kit.web.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The staff accounts of presence-service, its single writer. Usernames are unique. Saving an account lets
 * availability re-announce the staff member on {@code presence.staff-status.v1} (a new account starts
 * OFFLINE); deleting one announces {@code StaffRemoved}, so routing withdraws their offers.
 */
@Component
public class StaffAccounts {

    private final MongoCollection<StaffAccount> collection;
    private final EventPublisher events;
    private final ApplicationEventPublisher local;
    private final Clock clock;

    public StaffAccounts(MongoDatabase database, EventPublisher events, ApplicationEventPublisher local, Clock clock) {
        this.collection = database.getCollection("staff", StaffAccount.class);
        this.collection.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
        this.events = events;
        this.local = local;
        this.clock = clock;
    }

    public Optional<StaffAccount> byUsername(String username) {
        return Optional.ofNullable(collection.find(eq("username", username)).first());
    }

    public Optional<StaffAccount> byId(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first());
    }

    /** Every account, by username. */
    public List<StaffAccount> all() {
        return collection.find().sort(Sorts.ascending("username")).into(new ArrayList<>());
    }

    public boolean anyWithRole(Role role) {
        return collection.find(in("roles", role.name())).first() != null;
    }

    public long countWithRole(Role role) {
        return collection.countDocuments(in("roles", role.name()));
    }

    /**
     * Creates or replaces an account (by id) and lets availability announce it.
     *
     * @throws Problem {@code 409 staff.username-taken} when another account has the username
     */
    public StaffAccount save(StaffAccount account) {
        try {
            collection.replaceOne(eq("_id", account.id()), account, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw Problem.conflict("staff.username-taken", "Another staff member has that username");
            }
            throw e;
        }
        local.publishEvent(new StaffAccountSaved(account));
        return account;
    }

    /** Deletes an account and announces it; false when there was none. */
    public boolean delete(String id) {
        if (collection.deleteOne(eq("_id", id)).getDeletedCount() == 0) {
            return false;
        }
        events.publishAndWait(Topics.PRESENCE_STAFF_STATUS, id, new StaffRemoved(id, clock.instant()));
        local.publishEvent(new StaffAccountRemoved(id));
        return true;
    }
}
