package io.parley.chatroom.room;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.parley.events.AttachmentRef;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.events.Sender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The messages of every room. A message takes the room's highest sequence number plus one; a unique index on
 * (room, seq) refuses a second writer of the same number, which then reads again and takes the next. So the
 * consumer (customer messages) and any number of HTTP threads (staff messages) can write at once and the
 * room still counts 1, 2, 3… with no gap and no duplicate. A second unique index on (room, dedupe key) makes
 * a redelivered customer message find the one already stored instead of adding another.
 */
@Component
public class Transcripts {

    private static final int MAX_ATTEMPTS = 10_000;
    private static final FindOneAndUpdateOptions AFTER =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    /** How many rooms' last sequence numbers {@link #lastSeqs} keeps (the least recently used go first). */
    private static final int REMEMBERED_ROOMS = 10_000;

    private final MongoCollection<RoomMessage> collection;

    /**
     * The last sequence number this instance wrote or read, per room: an append tries the number after it
     * without reading the room's last message first (issue 8: those reads were about 5 of a conversation's
     * ~120 store round trips). Numbers only grow and have no gaps, so a number from here is at most the room's
     * last; when another writer got further, the insert collides on the unique {@code (enquiryId, seq)} and the
     * append reads the last number as before.
     */
    private final Map<String, Long> lastSeqs = Collections.synchronizedMap(new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_ROOMS;
        }
    });

    public Transcripts(MongoDatabase database) {
        this.collection = database.getCollection("messages", RoomMessage.class);
        collection.createIndex(Indexes.ascending("enquiryId", "seq"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("enquiryId", "dedupeKey"), new IndexOptions().unique(true));
    }

    /** A message that was appended now ({@code stored}), or the one already stored under its dedupe key. */
    public record Appended(RoomMessage message, boolean stored) {}

    /** Appends a message at the room's next sequence number, unless one with the same dedupe key is there. */
    public Appended append(
            String enquiryId,
            String dedupeKey,
            Sender sender,
            @Nullable String text,
            List<AttachmentRef> attachments,
            Instant sentAt,
            @Nullable DeliveryStatus status) {
        RoomMessage message = new RoomMessage(
                "msg-" + UUID.randomUUID(), enquiryId, 1, dedupeKey, sender, text, attachments, sentAt, status, null);
        Long remembered = lastSeqs.get(enquiryId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long last = remembered != null ? remembered : lastSeq(enquiryId);
            remembered = null; // after a collision, read it
            RoomMessage numbered = message.withSeq(last + 1);
            try {
                collection.insertOne(numbered);
                remember(enquiryId, numbered.seq());
                return new Appended(numbered, true);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            RoomMessage existing = collection
                    .find(and(eq("enquiryId", enquiryId), eq("dedupeKey", dedupeKey)))
                    .first();
            if (existing != null) {
                return new Appended(existing, false);
            }
            backOff(attempt);
        }
        throw new IllegalStateException("No sequence number for a message in " + enquiryId + " after many attempts");
    }

    /** Many writers lost the same number: spread the next attempts a little so that they stop colliding. */
    private static void backOff(int attempt) {
        if (attempt < 3) {
            Thread.onSpinWait();
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, Math.min(2 + attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Staff messages still PENDING (no channel has taken them) that were written before {@code before}. */
    public List<RoomMessage> pendingStaffMessages(Instant before, int limit) {
        return collection
                .find(and(
                        eq("sender.kind", Sender.Kind.STAFF.name()),
                        eq("status", DeliveryStatus.PENDING.name()),
                        lt("sentAt", before)))
                .limit(limit)
                .into(new ArrayList<>());
    }

    public Optional<RoomMessage> byId(String messageId) {
        return Optional.ofNullable(collection.find(eq("_id", messageId)).first());
    }

    /** The highest sequence number of the room, 0 when it has no message. */
    public long lastSeq(String enquiryId) {
        long last = last(enquiryId).map(RoomMessage::seq).orElse(0L);
        if (last > 0) {
            remember(enquiryId, last);
        }
        return last;
    }

    private void remember(String enquiryId, long seq) {
        lastSeqs.merge(enquiryId, seq, Math::max);
    }

    public Optional<RoomMessage> last(String enquiryId) {
        return Optional.ofNullable(collection
                .find(eq("enquiryId", enquiryId))
                .sort(Sorts.descending("seq"))
                .limit(1)
                .first());
    }

    /** Up to {@code limit} messages after {@code after}, in sequence order. */
    public List<RoomMessage> after(String enquiryId, long after, int limit) {
        return collection
                .find(and(eq("enquiryId", enquiryId), gt("seq", after)))
                .sort(Sorts.ascending("seq"))
                .limit(limit)
                .into(new ArrayList<>());
    }

    /** How many messages after {@code after} someone other than {@code readerId} wrote. */
    public long countAfter(String enquiryId, long after, String readerId) {
        return collection.countDocuments(and(eq("enquiryId", enquiryId), gt("seq", after), ne("sender.id", readerId)));
    }

    /**
     * Moves a staff message's delivery status forward: PENDING → SENT → DELIVERED → READ, never back; FAILED
     * only from PENDING or SENT, and it stays. One conditional update, so a late or redelivered status
     * matches nothing.
     *
     * @return the message after the change, or empty when the status would not move it forward
     */
    public Optional<RoomMessage> advanceStatus(
            String messageId, DeliveryStatus status, @Nullable DeliveryFailure failure) {
        List<String> from =
                DeliveryProgress.movesTo(status).stream().map(Enum::name).toList();
        if (from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.findOneAndUpdate(
                and(eq("_id", messageId), in("status", from)),
                Updates.combine(
                        Updates.set("status", status.name()),
                        status == DeliveryStatus.FAILED && failure != null
                                ? Updates.set("failure", failure)
                                : Updates.unset("failure")),
                AFTER));
    }
}
