package io.parley.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Lost and duplicated messages, counted by id on both ends: every message the benchmark sends is noted
 * before it leaves (and struck off if the suite refuses it with an error answer), and every arrival at the
 * far end (a staff room socket, the platform stub, a visitor socket) is counted. A message noted but never
 * arrived is undelivered; if the suite has it stored all the same (a staff member reading the room sees it)
 * it was late on the live path, otherwise it is lost. One that arrived more than once is duplicated; an
 * arrival of an id never sent is unexpected (a bug in the suite or in the benchmark).
 */
final class Ledger {

    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unexpectedArrivals = new ConcurrentHashMap<>();
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    /** Sent and not arrived yet (nor refused); guarded by {@code this}, which is notified when it falls. */
    private long pending;

    /** Before sending {@code id}. */
    void sent(String id) {
        if (arrivals.putIfAbsent(id, new AtomicInteger()) == null) {
            synchronized (this) {
                pending++;
            }
        }
    }

    /** The suite refused {@code id} (an error answer): it is not the suite's to deliver. */
    void refused(String id) {
        AtomicInteger count = arrivals.remove(id);
        if (count != null && count.get() == 0) {
            onePendingLess();
        }
    }

    /** When {@code id} reaches its far end; returns how often it has arrived now. */
    int arrived(String id) {
        AtomicInteger count = arrivals.get(id);
        if (count == null) {
            AtomicInteger unexpected = unexpectedArrivals.computeIfAbsent(id, k -> new AtomicInteger());
            return unexpected.incrementAndGet();
        }
        int times = count.incrementAndGet();
        if (times == 1) {
            onePendingLess();
        }
        return times;
    }

    /** Waits until every message sent has arrived, or {@code atMost} has passed; true if all have. */
    synchronized boolean awaitAllArrived(Duration atMost) throws InterruptedException {
        long giveUp = System.nanoTime() + atMost.toNanos();
        for (long left = atMost.toNanos(); pending > 0 && left > 0; left = giveUp - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return pending == 0;
    }

    private synchronized void onePendingLess() {
        pending--;
        if (pending == 0) {
            notifyAll();
        }
    }

    /** {@code id} never arrived, but the suite has it stored (found where a staff member would read it). */
    void stored(String id) {
        stored.add(id);
    }

    Totals totals() {
        long sent = 0;
        long lost = 0;
        long late = 0;
        long duplicated = 0;
        for (Map.Entry<String, AtomicInteger> entry : arrivals.entrySet()) {
            sent++;
            int n = entry.getValue().get();
            if (n == 0 && stored.contains(entry.getKey())) {
                late++;
            } else if (n == 0) {
                lost++;
            } else if (n > 1) {
                duplicated += n - 1;
            }
        }
        return new Totals(sent, lost, late, duplicated, unexpectedArrivals.size());
    }

    /** How many of the messages whose ids pass {@code which} have arrived (each counted once). */
    long arrived(Predicate<String> which) {
        return arrivals.entrySet().stream()
                .filter(e -> e.getValue().get() > 0 && which.test(e.getKey()))
                .count();
    }

    /** Up to {@code max} ids that never arrived (lost or stored), in order. */
    List<String> undeliveredIds(int max) {
        return ids(id -> true, max);
    }

    /** Up to {@code max} ids that never arrived and are not stored, for the report. */
    List<String> lostIds(int max) {
        return ids(id -> !stored.contains(id), max);
    }

    private List<String> ids(Predicate<String> which, int max) {
        return arrivals.entrySet().stream()
                .filter(e -> e.getValue().get() == 0 && which.test(e.getKey()))
                .map(Map.Entry::getKey)
                .sorted()
                .limit(max)
                .toList();
    }

    /**
     * @param sent messages sent
     * @param lost sent, never arrived, not stored either
     * @param late sent, never arrived, but stored (a reader of the room sees it; its live push never came)
     * @param duplicated arrivals beyond the first
     * @param unexpected ids that arrived but were never sent
     */
    record Totals(long sent, long lost, long late, long duplicated, long unexpected) {

        long undelivered() {
            return lost + late;
        }
    }
}
