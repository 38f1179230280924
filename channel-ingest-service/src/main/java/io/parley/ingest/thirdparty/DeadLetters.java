package io.parley.ingest.thirdparty;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.parley.events.DeliveryFailure;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.thirdparty.DeadLetter.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dead letters of the third-party accounts, one per outbound message. A replay first moves it from
 * PENDING to REPLAYING in one conditional update, so two admins replaying at once deliver it once.
 */
@Component
class DeadLetters {

    static final int LIST_LIMIT = 200;

    private final MongoCollection<DeadLetter> letters;

    DeadLetters(MongoDatabase database) {
        this.letters = database.getCollection("third_party_dead_letters", DeadLetter.class);
    }

    void add(
            ChannelAccount account,
            OutboundMessageRequested message,
            String body,
            DeliveryFailure failure,
            Instant at) {
        try {
            letters.insertOne(new DeadLetter(
                    message.outboundMessageId(),
                    account.id(),
                    message.conversationKey().value(),
                    message.roomId(),
                    message.roomSeq(),
                    body,
                    failure,
                    1,
                    State.PENDING,
                    at,
                    at,
                    null));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** An account's dead letters, newest first, at most {@link #LIST_LIMIT}. */
    List<DeadLetter> of(String accountId) {
        return letters.find(eq("accountId", accountId))
                .sort(Sorts.descending("createdAt"))
                .limit(LIST_LIMIT)
                .into(new ArrayList<>());
    }

    Optional<DeadLetter> byId(String accountId, String id) {
        return Optional.ofNullable(
                letters.find(and(eq("_id", id), eq("accountId", accountId))).first());
    }

    /** Claims a PENDING letter for a replay; empty when it is not PENDING (any more). */
    Optional<DeadLetter> claim(String id, Instant at) {
        return Optional.ofNullable(letters.findOneAndUpdate(
                and(eq("_id", id), eq("state", State.PENDING.name())),
                combine(set("state", State.REPLAYING.name()), set("lastAttemptAt", at)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    DeadLetter replayed(String id, Instant at) {
        return letters.findOneAndUpdate(
                eq("_id", id),
                combine(set("state", State.REPLAYED.name()), set("replayedAt", at), set("lastAttemptAt", at)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    DeadLetter failedAgain(String id, DeliveryFailure failure, Instant at) {
        return letters.findOneAndUpdate(
                eq("_id", id),
                combine(
                        set("state", State.PENDING.name()),
                        set("failure", failure),
                        inc("attempts", 1),
                        set("lastAttemptAt", at)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }
}
