package io.parley.ingest.visitor;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.parley.ingest.visitor.TranscriptEntry.From;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The visitor side of each web conversation, with its own sequence numbers 1, 2, 3… and no gaps: a message
 * takes the highest number plus one, and the unique id {@code <conversationId>:<seq>} makes a writer that
 * raced another retry with the next number. A message stored twice (a redelivered reply, a second instance)
 * is found by its dedupe key and keeps its first number. Every append tells the local sockets to catch up.
 */
@Component
public class VisitorTranscript {

    static final int PAGE = 500;
    private static final int MAX_ATTEMPTS = 50;

    private final MongoCollection<TranscriptEntry> entries;
    private final ApplicationEventPublisher local;

    VisitorTranscript(MongoDatabase database, ApplicationEventPublisher local) {
        this.entries = database.getCollection("visitor_transcripts", TranscriptEntry.class);
        this.local = local;
        entries.createIndex(Indexes.ascending("dedupeKey"), new IndexOptions().unique(true));
        entries.createIndex(Indexes.ascending("conversationId", "seq"));
    }

    /** A message about to be stored; its number is given on append. */
    public record Draft(
            From from,
            @Nullable String name,
            @Nullable String text,
            Instant sentAt,
            String dedupeKey,
            @Nullable String outboundMessageId,
            @Nullable String roomId,
            @Nullable Long roomSeq) {}

    /** Stores the message once, under the next sequence number, and returns it as stored. */
    public TranscriptEntry append(String conversationId, Draft draft) {
        String dedupeKey = conversationId + "|" + draft.dedupeKey();
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Optional<TranscriptEntry> stored = byDedupeKey(dedupeKey);
                if (stored.isPresent()) {
                    return stored.get();
                }
                long seq = lastSeq(conversationId) + 1;
                TranscriptEntry entry = new TranscriptEntry(
                        conversationId + ":" + seq,
                        conversationId,
                        seq,
                        draft.from(),
                        draft.name(),
                        draft.text(),
                        draft.sentAt(),
                        dedupeKey,
                        draft.outboundMessageId(),
                        draft.roomId(),
                        draft.roomSeq(),
                        null);
                try {
                    entries.insertOne(entry);
                    return entry;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    // Another writer took this number, or stored this very message: look again.
                }
            }
            throw new IllegalStateException(
                    "Could not number a message of " + conversationId + " after " + MAX_ATTEMPTS + " attempts");
        } finally {
            local.publishEvent(new TranscriptAppended(conversationId));
        }
    }

    /** The highest sequence number of the conversation, 0 when it has none. */
    public long lastSeq(String conversationId) {
        TranscriptEntry last = entries.find(eq("conversationId", conversationId))
                .sort(descending("seq"))
                .limit(1)
                .first();
        return last == null ? 0 : last.seq();
    }

    /** The messages after {@code seq}, in order, at most one page. */
    public List<TranscriptEntry> after(String conversationId, long seq) {
        return entries.find(and(eq("conversationId", conversationId), gt("seq", seq)))
                .sort(ascending("seq"))
                .limit(PAGE)
                .into(new ArrayList<>());
    }

    /** Replies up to {@code seq} that the visitor has not yet been reported to have read. */
    public List<TranscriptEntry> unreadReplies(String conversationId, long seq) {
        return entries.find(and(
                        eq("conversationId", conversationId),
                        lte("seq", seq),
                        ne("from", From.VISITOR.name()),
                        eq("readAt", null)))
                .sort(ascending("seq"))
                .limit(PAGE)
                .into(new ArrayList<>());
    }

    public void markRead(TranscriptEntry entry, Instant at) {
        entries.updateOne(and(eq("_id", entry.id()), eq("readAt", null)), set("readAt", at));
    }

    private Optional<TranscriptEntry> byDedupeKey(String dedupeKey) {
        return Optional.ofNullable(entries.find(eq("dedupeKey", dedupeKey)).first());
    }
}
