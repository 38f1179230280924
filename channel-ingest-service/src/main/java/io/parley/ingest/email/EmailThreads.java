package io.parley.ingest.email;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.ingest.outbound.OutboundRecord;
import io.parley.ingest.outbound.OutboundRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which conversation each email thread is, and what a reply in it must refer to. A mail whose References or
 * In-Reply-To name a mail we know — a customer's, kept here by Message-ID, or one of our replies, known to
 * {@link OutboundRecords} by the Message-ID we gave it — joins that mail's conversation; the newest known id
 * wins. Each conversation keeps its customer's latest mail (Message-ID, References, Subject, reply address),
 * so that our reply continues the thread.
 */
@Component
class EmailThreads {

    /** How many ids a reply's References carry at most: the first (the thread's root) and the latest ones. */
    static final int MAX_REFERENCES = 20;

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> conversations;
    private final OutboundRecords outbound;

    EmailThreads(MongoDatabase database, OutboundRecords outbound) {
        this.messages = database.getCollection("email_messages");
        this.conversations = database.getCollection("email_conversations");
        this.outbound = outbound;
    }

    /** The latest customer mail of a conversation, which our reply answers. */
    record LastMail(
            String messageId,
            List<String> references,
            @Nullable String subject,
            String replyTo) {

        /** The References of a reply to it: its own, then it, bounded to the root and the latest ids. */
        List<String> replyReferences() {
            List<String> all = new ArrayList<>(references);
            all.remove(messageId);
            all.add(messageId);
            if (all.size() <= MAX_REFERENCES) {
                return all;
            }
            List<String> bounded = new ArrayList<>();
            bounded.add(all.getFirst());
            bounded.addAll(all.subList(all.size() - (MAX_REFERENCES - 1), all.size()));
            return bounded;
        }
    }

    /** The conversation of the newest of these ids that is known on this account, if any. */
    Optional<ConversationKey> conversationOf(String accountId, List<String> ids) {
        for (String id : ids.reversed()) {
            Document known = messages.find(eq("_id", key(accountId, id))).first();
            if (known != null) {
                return Optional.of(ConversationKey.parse(known.getString("conversationKey")));
            }
            Optional<ConversationKey> ours = outbound.byPlatformMessageId(id)
                    .map(OutboundRecord::conversationKey)
                    .map(ConversationKey::parse)
                    .filter(key ->
                            key.channel() == Channel.EMAIL && key.accountId().equals(accountId));
            if (ours.isPresent()) {
                return ours;
            }
        }
        return Optional.empty();
    }

    /** Remembers a customer's mail as its conversation's latest. */
    void remember(ConversationKey conversation, String messageId, ParsedMail mail, String replyTo, Instant at) {
        messages.replaceOne(
                eq("_id", key(conversation.accountId(), messageId)),
                new Document("_id", key(conversation.accountId(), messageId))
                        .append("conversationKey", conversation.value())
                        .append("at", at),
                new ReplaceOptions().upsert(true));
        List<String> references = new ArrayList<>(mail.references());
        if (references.size() > MAX_REFERENCES) {
            references = new ArrayList<>(references.subList(references.size() - MAX_REFERENCES, references.size()));
        }
        conversations.replaceOne(
                eq("_id", conversation.value()),
                new Document("_id", conversation.value())
                        .append("messageId", messageId)
                        .append("references", references)
                        .append("subject", mail.subject())
                        .append("replyTo", replyTo)
                        .append("at", at),
                new ReplaceOptions().upsert(true));
    }

    Optional<LastMail> last(ConversationKey conversation) {
        Document last = conversations.find(eq("_id", conversation.value())).first();
        if (last == null) {
            return Optional.empty();
        }
        return Optional.of(new LastMail(
                last.getString("messageId"),
                last.getList("references", String.class, List.of()),
                last.getString("subject"),
                last.getString("replyTo")));
    }

    private static String key(String accountId, String messageId) {
        return accountId + " " + messageId;
    }
}
