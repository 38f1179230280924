package io.parley.ingest.visitor;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The visitor sessions of the web channel: a token (by its hash) grants one conversation, and nothing else. */
@Component
public class VisitorSessions {

    private final MongoCollection<VisitorSession> sessions;

    VisitorSessions(MongoDatabase database) {
        this.sessions = database.getCollection("visitor_sessions", VisitorSession.class);
        sessions.createIndex(Indexes.ascending("conversationId"), new IndexOptions().unique(true));
    }

    /** The session a token opens, if the token is one this service issued. */
    public Optional<VisitorSession> byToken(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                sessions.find(eq("_id", VisitorTokens.hash(token))).first());
    }

    public Optional<VisitorSession> byConversation(String conversationId) {
        return Optional.ofNullable(
                sessions.find(eq("conversationId", conversationId)).first());
    }

    void insert(VisitorSession session) {
        sessions.insertOne(session);
    }

    void delete(VisitorSession session) {
        sessions.deleteOne(eq("_id", session.tokenHash()));
    }
}
