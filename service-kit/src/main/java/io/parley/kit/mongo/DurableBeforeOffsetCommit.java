package io.parley.kit.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a Kafka consumer commit its offsets only after the document store has made every write acknowledged so
 * far durable (MongoDB's {@code fsync} command), for a store that acknowledges a write before it is on disk.
 * The embedded store commits its file every 50 ms; the consumers commit offsets every second. Without this, a
 * hard kill between an offset commit and the store's next commit lost the writes of events that the offset
 * commit covered, and those events were never delivered again: a handler writes before its event counts as
 * done, so a store commit that starts after an offset commit is asked for covers every event it names. Turned
 * on by {@code parley.mongo.durable-before-offset-commit}, which the launcher sets when it runs the embedded
 * store; when off, consumers are left as they are.
 *
 * <p>The flushes are shared. An offset commit the listener container asks for between polls ({@code
 * commitSync} with offsets: every one of Parley's) is held back; one thread of this service has the store
 * commit at most once a {@code flushInterval} for all its consumers, and each held commit is made at its
 * consumer's next poll after a flush that started after it was asked for (the consumer's commits waiting for the
 * same flush are merged; while one is held, a poll waits at most the interval, not an idle poll's 5 s). A flush for
 * each offset commit of each of the suite's ~46 consumers cost 5-11 % of the suite's CPU in issue 8's load
 * benchmark; shared, they are a few a second. The price: committed offsets trail the handled events by up to
 * about two intervals more, so a crash hands those events to their handlers again, who tolerate a repeat
 * anyway. A commit asked for inside a poll (a rebalance giving partitions away) or on close, and any other
 * kind of commit, has the store commit at once and is made at once, the held ones first.
 */
public final class DurableBeforeOffsetCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurableBeforeOffsetCommit.class);

    private static final Document FSYNC = new Document("fsync", 1);

    private final Runnable storeCommit;
    private final @Nullable SharedFlushes flushes;

    public DurableBeforeOffsetCommit(MongoClient client, boolean on, Duration flushInterval) {
        this(fsync(client.getDatabase("admin")), on, flushInterval);
    }

    /** With {@code storeCommit} having the store commit every write it has acknowledged so far to its disk. */
    DurableBeforeOffsetCommit(Runnable storeCommit, boolean on, Duration flushInterval) {
        this.storeCommit = storeCommit;
        this.flushes = on ? new SharedFlushes(storeCommit, flushInterval) : null;
    }

    private static Runnable fsync(MongoDatabase admin) {
        return () -> admin.runCommand(FSYNC);
    }

    /**
     * {@code consumer}, whose offset commits wait for the store's writes to be durable; {@code consumer} itself
     * when this is off.
     */
    @SuppressWarnings("unchecked")
    public <K, V> Consumer<K, V> wrap(Consumer<K, V> consumer) {
        if (flushes == null) {
            return consumer;
        }
        return (Consumer<K, V>) Proxy.newProxyInstance(
                Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class}, new HeldCommits(consumer, flushes));
    }

    /** Stops the shared flushes; a consumer closed later still has the store commit before its last commit. */
    @Override
    public void close() {
        if (flushes != null) {
            flushes.close();
        }
    }

    /**
     * One consumer's offset commits, held until a shared flush covers them. Every method but {@code wakeup} and
     * {@code metrics} is called on the consumer's own thread, so this needs no locking; those two never commit.
     */
    private final class HeldCommits implements InvocationHandler {

        private final Consumer<?, ?> consumer;
        private final SharedFlushes flushes;

        /**
         * The commits held back, oldest first, each with the first shared flush that covers it; those waiting
         * for the same flush are merged. Each keeps its own ticket: a consumer that commits after every poll
         * would otherwise move a single ticket past each flush while it runs and never see one cover it.
         */
        private final ArrayDeque<Held> held = new ArrayDeque<>();

        private @Nullable Duration heldTimeout;

        private boolean polling;

        HeldCommits(Consumer<?, ?> consumer, SharedFlushes flushes) {
            this.consumer = consumer;
            this.flushes = flushes;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            switch (method.getName()) {
                case "poll" -> {
                    commitHeld(false);
                    if (!held.isEmpty() && args != null && args[0] instanceof Duration wait) {
                        args = new Object[] {min(wait, flushes.interval())}; // an idle poll waits 5 s
                    }
                    polling = true;
                    try {
                        return call(method, args);
                    } finally {
                        polling = false;
                    }
                }
                case "commitSync" -> {
                    if (!polling && args != null && args[0] instanceof Map<?, ?> offsets) {
                        hold(offsets, args.length > 1 ? (Duration) args[1] : null);
                        return null;
                    }
                    flushAndCommitHeld(); // a failure fails the commit: the offsets stay uncommitted
                    return call(method, args);
                }
                case "commitAsync" -> {
                    flushAndCommitHeld();
                    return call(method, args);
                }
                case "close" -> {
                    try {
                        flushAndCommitHeld();
                    } catch (RuntimeException e) {
                        log.warn(
                                "Offsets not committed before the consumer closed: their events come again after"
                                        + " a restart ({})",
                                e.toString());
                    }
                    return call(method, args);
                }
                default -> {
                    return call(method, args);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void hold(Map<?, ?> offsets, @Nullable Duration timeout) {
            long ticket = flushes.request();
            Held last = held.peekLast();
            if (last == null || last.ticket() != ticket) {
                last = new Held(ticket, new HashMap<>());
                held.addLast(last);
            }
            last.offsets().putAll((Map<TopicPartition, OffsetAndMetadata>) offsets); // later offsets win
            heldTimeout = timeout;
        }

        private void flushAndCommitHeld() {
            storeCommit.run();
            commitHeld(true);
        }

        /**
         * Makes the held commits that a finished flush covers ({@code all}: every one, the caller has just had the
         * store commit), merged into one. A poll with nothing due costs no allocation and no call to the consumer.
         */
        private void commitHeld(boolean all) {
            if (!due(all)) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            while (due(all)) {
                offsets.putAll(held.pollFirst().offsets());
            }
            commit(offsets);
        }

        private boolean due(boolean all) {
            return !held.isEmpty() && (all || flushes.covers(held.peekFirst().ticket()));
        }

        /**
         * Commits offsets that were held, of the partitions this consumer still has; those of partitions given
         * away meanwhile are dropped (their new consumer commits its own), as are offsets Kafka refuses: their
         * events come again to whoever has them now, or after a restart.
         */
        private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
            offsets.keySet().retainAll(consumer.assignment());
            if (offsets.isEmpty()) {
                return;
            }
            try {
                if (heldTimeout == null) {
                    consumer.commitSync(offsets);
                } else {
                    consumer.commitSync(offsets, heldTimeout);
                }
            } catch (WakeupException | InterruptException e) {
                held.addFirst(new Held(0, offsets)); // the container is stopping the consumer: kept for close
                throw e;
            } catch (KafkaException e) {
                log.warn("Offsets {} not committed: their events may come again ({})", offsets, e.toString());
            }
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        private @Nullable Object call(Method method, @Nullable Object[] args) throws Throwable {
            try {
                return method.invoke(consumer, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** Offsets held back until the shared flush numbered {@code ticket} has finished. */
    private record Held(long ticket, Map<TopicPartition, OffsetAndMetadata> offsets) {}

    /**
     * The store's flushes for a whole service: one thread that has the store commit at most once an interval,
     * when some consumer waits for it. {@link #request()} hands out the number of the first flush to start after
     * the call, so a flush already running (it may have missed the caller's last writes) does not count.
     */
    private static final class SharedFlushes implements AutoCloseable {

        private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

        private final Runnable flush;
        private final Duration interval;
        private final Thread thread;

        private long started;
        private volatile long completed;
        private boolean wanted;
        private boolean closed;

        SharedFlushes(Runnable flush, Duration interval) {
            this.flush = flush;
            this.interval = interval;
            this.thread = Thread.ofPlatform().name("store-flushes").daemon().start(this::run);
        }

        synchronized long request() {
            wanted = true;
            notifyAll();
            return started + 1;
        }

        Duration interval() {
            return interval;
        }

        boolean covers(long ticket) {
            return completed >= ticket;
        }

        private void run() {
            try {
                while (true) {
                    long flush;
                    synchronized (this) {
                        while (!wanted && !closed) {
                            wait();
                        }
                        if (closed) {
                            return;
                        }
                        wanted = false;
                        flush = ++started;
                    }
                    flushOnce(flush);
                    pace();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits out the rest of the interval after a flush, or until closed: at most one flush an interval. */
        private synchronized void pace() throws InterruptedException {
            long until = System.nanoTime() + interval.toNanos();
            for (long left = interval.toNanos(); left > 0 && !closed; left = until - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        private void flushOnce(long number) {
            try {
                flush.run();
                completed = number;
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (closed) {
                        return; // the service is stopping: each consumer's own close has the store commit
                    }
                    wanted = true; // every ticket up to this one is covered by the next flush that succeeds
                }
                log.warn(
                        "The document store did not commit; held offset commits wait for the next try ({})",
                        e.toString());
            }
        }

        /**
         * Stops the thread, letting a flush under way finish (interrupting the driver's I/O would close its pooled
         * connection); a flush stuck on an unreachable store is left to its daemon thread after a while.
         */
        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
            try {
                thread.join(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
