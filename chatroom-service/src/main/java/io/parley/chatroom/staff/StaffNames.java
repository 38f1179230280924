package io.parley.chatroom.staff;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.presence.StaffRemoved;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.presence.StaffStatusEvent;
import io.parley.kit.kafka.EventSubscription;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The display name of each staff member, so that a room can say "Alice accepted the enquiry" although the
 * accept event carries only a staff id. Order-safe like every snapshot consumer: an older snapshot never
 * overwrites a newer one. A removed staff member keeps their name here: old rooms still show who served them.
 */
@Component
public class StaffNames {

    private final MongoCollection<StaffName> collection;

    public StaffNames(MongoDatabase database) {
        this.collection = database.getCollection("staff_names", StaffName.class);
    }

    public Optional<String> nameOf(String staffId) {
        return Optional.ofNullable(collection.find(eq("_id", staffId)).first()).map(StaffName::name);
    }

    /** The name to show, or the staff id when the name is not known (yet). */
    public String displayName(String staffId) {
        return nameOf(staffId).orElse(staffId);
    }

    void apply(Envelope<StaffStatusEvent> event) {
        switch (event.payload()) {
            case StaffStatusChanged changed -> {
                if (changed.displayName() != null && !changed.displayName().isBlank()) {
                    keepIfNewer(new StaffName(changed.staffId(), changed.displayName(), changed.changedAt()));
                }
            }
            case StaffRemoved removed -> {
                // Names stay for the rooms they served.
            }
        }
    }

    private void keepIfNewer(StaffName name) {
        try {
            collection.replaceOne(
                    and(eq("_id", name.staffId()), lte("changedAt", name.changedAt())),
                    name,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The upsert met a newer snapshot under the same id: nothing to do.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** chatroom-service follows {@code presence.staff-status.v1} for names. */
    @Configuration(proxyBeanMethods = false)
    static class Subscription {

        @Bean
        EventSubscription<String, StaffStatusEvent> staffNamesSubscription(StaffNames names) {
            return EventSubscription.on(Topics.PRESENCE_STAFF_STATUS, (key, event) -> names.apply(event));
        }
    }
}
