package io.parley.ingest.visitor;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One message of a visitor-side transcript.
 *
 * @param id {@code <conversationId>:<seq>}, which makes a sequence number unique per conversation
 * @param seq the visitor-side sequence number: 1, 2, 3… without gaps
 * @param from who wrote it, as the visitor sees it
 * @param dedupeKey what makes it one message however often it is stored: the platform message id of a
 *     visitor's message, the outbound message id of a reply
 * @param outboundMessageId the id delivery statuses refer to, for replies
 * @param readAt when the visitor's socket reported it read
 */
public record TranscriptEntry(
        @BsonId String id,
        String conversationId,
        long seq,
        From from,
        @Nullable String name,
        @Nullable String text,
        Instant sentAt,
        String dedupeKey,
        @Nullable String outboundMessageId,
        @Nullable String roomId,
        @Nullable Long roomSeq,
        @Nullable Instant readAt) {

    /** The author of a transcript message. */
    public enum From {
        VISITOR,
        STAFF,
        SYSTEM
    }

    /** What the visitor API and socket show of it. */
    public record View(
            long seq,
            From from,
            @Nullable String name,
            @Nullable String text,
            Instant sentAt) {}

    public View view() {
        return new View(seq, from, name, text, sentAt);
    }
}
