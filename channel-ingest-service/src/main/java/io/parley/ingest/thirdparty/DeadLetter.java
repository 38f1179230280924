package io.parley.ingest.thirdparty;

import io.parley.events.DeliveryFailure;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * An outbound message a third-party system did not take after every retry, kept with the exact body we
 * signed so that an admin can replay it once the system is fixed.
 *
 * @param id the outbound message id (also the {@code webhook-id} of every delivery of it)
 * @param body the JSON body, re-signed with a fresh timestamp on replay
 * @param failure why the last delivery failed
 * @param attempts deliveries that failed: the first send (with its retries) and each failed replay
 */
public record DeadLetter(
        @BsonId String id,
        String accountId,
        String conversationKey,
        @Nullable String roomId,
        @Nullable Long roomSeq,
        String body,
        DeliveryFailure failure,
        int attempts,
        State state,
        Instant createdAt,
        Instant lastAttemptAt,
        @Nullable Instant replayedAt) {

    /** PENDING until a replay delivers it; REPLAYING while one is under way. */
    public enum State {
        PENDING,
        REPLAYING,
        REPLAYED
    }
}
