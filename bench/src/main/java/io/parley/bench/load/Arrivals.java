package io.parley.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Meeting points between a conversation's script and the listeners that see its effects: a listener reports
 * that {@code key} arrived (at {@link System#nanoTime()}), the script waits for it. Either may come first.
 */
final class Arrivals {

    private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();

    void arrived(String key, long nanos) {
        pending.computeIfAbsent(key, k -> new CompletableFuture<>()).complete(nanos);
    }

    /** The arrival time of {@code key}, or -1 when it did not come within {@code timeout}. */
    long await(String key, Duration timeout) throws InterruptedException {
        CompletableFuture<Long> future = pending.computeIfAbsent(key, k -> new CompletableFuture<>());
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return -1;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pending.remove(key);
        }
    }

    /** Forgets a key nobody will wait for (arrivals of it are then kept until the end of the run). */
    void forget(String key) {
        pending.remove(key);
    }
}
