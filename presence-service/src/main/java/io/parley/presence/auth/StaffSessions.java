package io.parley.presence.auth;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.parley.kit.auth.SessionGuard;
import io.parley.presence.staff.StaffAccountRemoved;
import io.parley.security.StaffPrincipal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Server-side sessions (collection {@code sessions}). presence checks on every request that a token's session
 * is still open, so a logout takes effect here at once; other services cannot know and accept the token
 * until it expires. Deleting a staff account ends all of its sessions.
 */
@Component
public class StaffSessions implements SessionGuard {

    private final MongoCollection<StaffSession> collection;
    private final ApplicationEventPublisher local;
    private final Clock clock;

    StaffSessions(MongoDatabase database, ApplicationEventPublisher local, Clock clock) {
        this.collection = database.getCollection("sessions", StaffSession.class);
        this.collection.createIndex(Indexes.ascending("staffId"));
        this.local = local;
        this.clock = clock;
    }

    String open(String staffId) {
        String id = UUID.randomUUID().toString();
        collection.insertOne(new StaffSession(id, staffId, clock.instant(), null));
        return id;
    }

    @Override
    public boolean isOpen(StaffPrincipal principal) {
        StaffSession session = collection
                .find(and(eq("_id", principal.sessionId()), eq("staffId", principal.staffId())))
                .first();
        return session != null && session.endedAt() == null;
    }

    /** Ends the session; ending it twice changes nothing. */
    void end(String sessionId, String staffId) {
        long ended = collection
                .updateOne(
                        and(eq("_id", sessionId), eq("staffId", staffId), eq("endedAt", null)),
                        set("endedAt", clock.instant()))
                .getModifiedCount();
        if (ended > 0) {
            local.publishEvent(new SessionEnded(sessionId, staffId));
        }
    }

    @EventListener
    void endAllOf(StaffAccountRemoved removed) {
        for (StaffSession session : collection
                .find(and(eq("staffId", removed.staffId()), eq("endedAt", null)))
                .into(new ArrayList<>())) {
            end(session.id(), session.staffId());
        }
    }
}
