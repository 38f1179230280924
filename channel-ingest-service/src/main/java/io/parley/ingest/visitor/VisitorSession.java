package io.parley.ingest.visitor;

import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EntryPoint;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One visitor's conversation as the web channel keeps it, found by the SHA-256 of its token: every later
 * message of the visitor repeats its entry point, tag and customer.
 *
 * @param tokenHash the SHA-256 (hex) of the visitor token; the token itself is never stored
 * @param conversationKey {@code web:<widgetId>:<conversationId>}
 */
public record VisitorSession(
        @BsonId String tokenHash,
        String conversationId,
        String widgetId,
        String conversationKey,
        EntryPoint entryPoint,
        @Nullable String tagId,
        Customer customer,
        Instant startedAt) {

    public ConversationKey key() {
        return ConversationKey.parse(conversationKey);
    }
}
