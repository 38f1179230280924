package io.parley.ingest.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What each simulated customer wrote and what the business sent them, per (account, customer), in memory and
 * bounded: at most {@code maxConversations} conversations (the least recently used is dropped) of at most
 * {@code maxMessages} messages each (the oldest dropped), each text shortened to 2000 characters (so at most a
 * few tens of MB whatever arrives). Every message gets a sequence number, so the page asks only for what is
 * newer than what it has.
 */
@Component
class Transcripts {

    static final int MAX_TEXT = 2000;

    /** Who wrote a message. */
    enum From {
        CUSTOMER,
        BUSINESS
    }

    /**
     * One message as the page shows it.
     *
     * @param webhookStatus for the customer's messages, the HTTP status the webhook answered
     * @param platformMessageId for the business's, the id the stand-in answered the send call with
     */
    record Entry(
            long seq,
            From from,
            String text,
            Instant at,
            @Nullable Integer webhookStatus,
            @Nullable String platformMessageId) {}

    private record Key(String accountId, String customerId) {}

    private final SimulatorSettings settings;
    private final Map<Key, Deque<Entry>> conversations;
    private final Map<Key, String> names;
    private long seq;

    Transcripts(SimulatorSettings settings) {
        this.settings = settings;
        this.conversations = new Bounded<>(Math.max(1, settings.maxConversations()), true);
        this.names = new Bounded<>(Math.max(1, settings.maxConversations()), true);
    }

    /** The customer's message, with the webhook's answer to it. */
    synchronized Entry customerWrote(
            String accountId, String customerId, String name, String text, Instant at, int status) {
        names.put(new Key(accountId, customerId), name);
        return add(accountId, customerId, new Entry(++seq, From.CUSTOMER, clip(text), at, status, null));
    }

    /** The name the customer last wrote under, for a platform's profile lookup. */
    synchronized Optional<String> customerName(String accountId, String customerId) {
        return Optional.ofNullable(names.get(new Key(accountId, customerId)));
    }

    /** A message the business sent to the customer through the stand-in. */
    synchronized Entry businessSent(String accountId, String customerId, String text, Instant at, String messageId) {
        return add(accountId, customerId, new Entry(++seq, From.BUSINESS, clip(text), at, null, messageId));
    }

    /** The conversation's messages after {@code afterSeq}, oldest first. */
    synchronized List<Entry> after(String accountId, String customerId, long afterSeq) {
        Deque<Entry> entries = conversations.get(new Key(accountId, customerId));
        return entries == null
                ? List.of()
                : entries.stream().filter(entry -> entry.seq() > afterSeq).toList();
    }

    private Entry add(String accountId, String customerId, Entry entry) {
        Deque<Entry> entries = conversations.computeIfAbsent(new Key(accountId, customerId), key -> new ArrayDeque<>());
        entries.addLast(entry);
        while (entries.size() > Math.max(1, settings.maxMessages())) {
            entries.removeFirst();
        }
        return entry;
    }

    private static String clip(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
}
