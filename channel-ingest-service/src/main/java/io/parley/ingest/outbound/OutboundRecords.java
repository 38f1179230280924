package io.parley.ingest.outbound;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.outbound.OutboundRecord.State;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The outbound messages of the messaging channels by their {@code outboundMessageId}: the first to claim one
 * (an insert under that id) is the only one to send it, so a re-delivered request is never sent twice. The
 * platform's id of each sent message is indexed, to match the platform's status callbacks to our message.
 */
@Component
public class OutboundRecords {

    private final MongoCollection<OutboundRecord> records;

    OutboundRecords(MongoDatabase database) {
        this.records = database.getCollection("outbound_messages", OutboundRecord.class);
        records.createIndex(Indexes.ascending("platformMessageId"), new IndexOptions().sparse(true));
    }

    public Optional<OutboundRecord> byId(String outboundMessageId) {
        return Optional.ofNullable(records.find(eq("_id", outboundMessageId)).first());
    }

    /** Our message the platform knows as {@code platformMessageId}, if we sent it. */
    public Optional<OutboundRecord> byPlatformMessageId(String platformMessageId) {
        return Optional.ofNullable(
                records.find(eq("platformMessageId", platformMessageId)).first());
    }

    /**
     * Claims the message for sending and returns the claim as stored; empty when it was claimed before (sent,
     * failed or being sent).
     */
    Optional<OutboundRecord> claim(OutboundMessageRequested message, Instant at) {
        OutboundRecord claim = new OutboundRecord(
                message.outboundMessageId(),
                message.conversationKey().value(),
                message.roomId(),
                message.roomSeq(),
                State.SENDING,
                null,
                null,
                false,
                at);
        try {
            records.insertOne(claim);
            return Optional.of(claim);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Records the outcome of the one send; returns the record as it now is. */
    OutboundRecord finish(OutboundRecord claimed, ChannelSender.Outcome outcome, Instant at) {
        OutboundRecord finished = switch (outcome) {
            case ChannelSender.Sent sent ->
                new OutboundRecord(
                        claimed.id(),
                        claimed.conversationKey(),
                        claimed.roomId(),
                        claimed.roomSeq(),
                        State.SENT,
                        sent.platformMessageId(),
                        null,
                        false,
                        at);
            case ChannelSender.Failed failed ->
                new OutboundRecord(
                        claimed.id(),
                        claimed.conversationKey(),
                        claimed.roomId(),
                        claimed.roomSeq(),
                        State.FAILED,
                        null,
                        failed.failure(),
                        false,
                        at);
        };
        records.replaceOne(and(eq("_id", claimed.id()), eq("state", State.SENDING.name())), finished);
        return finished;
    }

    void markReported(String outboundMessageId, Instant at) {
        records.updateOne(eq("_id", outboundMessageId), combine(set("reported", true), set("updatedAt", at)));
    }
}
