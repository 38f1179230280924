package io.parley.ingest.email;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * How far each account's mailbox has been read, by (UIDVALIDITY, UID) as IMAP numbers its messages: a message
 * is read once its UID is past the position. The position moves only after a message is in Kafka (or was
 * deliberately skipped), so a restart neither loses nor repeats mail. When the server announces a new
 * UIDVALIDITY the old UIDs mean nothing: the mailbox is read again from its start and Message-IDs already
 * published are recognised and not published twice.
 */
@Component
class MailboxPositions {

    /** The position in one mailbox: every message with a UID up to {@code lastUid} is done. */
    record Position(long uidValidity, long lastUid) {}

    private final MongoCollection<Document> positions;

    MailboxPositions(MongoDatabase database) {
        this.positions = database.getCollection("email_positions");
    }

    Optional<Position> of(String accountId) {
        Document position = positions.find(eq("_id", accountId)).first();
        return position == null
                ? Optional.empty()
                : Optional.of(new Position(position.getLong("uidValidity"), position.getLong("lastUid")));
    }

    void save(String accountId, Position position, Instant at) {
        positions.replaceOne(
                eq("_id", accountId),
                new Document("_id", accountId)
                        .append("uidValidity", position.uidValidity())
                        .append("lastUid", position.lastUid())
                        .append("at", at),
                new ReplaceOptions().upsert(true));
    }
}
