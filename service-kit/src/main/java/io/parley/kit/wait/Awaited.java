package io.parley.kit.wait;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets a request wait a short while for something a Kafka consumer is about to write (a room opened, an offer
 * recorded), looking it up again as soon as this instance writes it ({@link #signal}) and otherwise every
 * {@code poll}, for a write made by another instance. Before, such waits read the store every 25–50 ms, so
 * under load every waiting request multiplied the store's work just when it was slowest.
 *
 * @param <K> what is awaited, e.g. a room id
 */
public final class Awaited<K> {

    private final Map<K, Waiters> waiting = new ConcurrentHashMap<>();
    private final Duration poll;

    /** @param poll how often a waiting request looks again without a signal (writes of other instances) */
    public Awaited(Duration poll) {
        this.poll = poll;
    }

    /** Wakes every request waiting for {@code key}: this instance has just written it. */
    public void signal(K key) {
        Waiters waiters = waiting.remove(key);
        if (waiters != null) {
            waiters.latch.countDown();
        }
    }

    /**
     * {@code lookup}'s value once it has one, looking again at each signal for {@code key} and every poll;
     * empty if it has none when {@code wait} is over. An interrupted wait ends at once, with the last lookup.
     */
    public <T> Optional<T> await(K key, Duration wait, Supplier<Optional<T>> lookup) {
        long giveUp = System.nanoTime() + wait.toNanos();
        while (true) {
            Waiters mine = waiting.compute(key, (k, present) -> (present == null ? new Waiters() : present).join());
            try {
                // Looked up after joining, so a signal between this lookup and the wait is not lost.
                Optional<T> found = lookup.get();
                long left = giveUp - System.nanoTime();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                mine.latch.await(Math.min(left, poll.toNanos()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lookup.get();
            } finally {
                waiting.computeIfPresent(key, (k, present) -> present == mine && mine.leave() ? null : present);
            }
        }
    }

    /** How many keys are awaited now (for tests: nothing is left behind). */
    int awaitedKeys() {
        return waiting.size();
    }

    /** The requests waiting for one key; the last to leave takes the entry away. */
    private static final class Waiters {
        final CountDownLatch latch = new CountDownLatch(1);
        private int count;

        synchronized Waiters join() {
            count++;
            return this;
        }

        synchronized boolean leave() {
            return --count == 0;
        }
    }
}
