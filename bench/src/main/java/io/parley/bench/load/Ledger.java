package io.parley.bench.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lost and duplicated messages, counted by id on both ends: every message the benchmark sends is noted
 * before it leaves (and struck off if the suite refuses it with an error answer), and every arrival at the far end (a staff room socket, the platform stub, a visitor
 * socket) is counted. A message noted but never arrived is lost; one that arrived more than once is
 * duplicated; an arrival of an id never sent is unexpected (a bug in the suite or in the benchmark).
 */
final class Ledger {

    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unexpectedArrivals = new ConcurrentHashMap<>();

    /** Before sending {@code id}. */
    void sent(String id) {
        arrivals.putIfAbsent(id, new AtomicInteger());
    }

    /** The suite refused {@code id} (an error answer): it is not the suite's to deliver. */
    void refused(String id) {
        arrivals.remove(id);
    }

    /** When {@code id} reaches its far end; returns how often it has arrived now. */
    int arrived(String id) {
        AtomicInteger count = arrivals.get(id);
        if (count == null) {
            AtomicInteger unexpected = unexpectedArrivals.computeIfAbsent(id, k -> new AtomicInteger());
            return unexpected.incrementAndGet();
        }
        return count.incrementAndGet();
    }

    Totals totals() {
        long sent = 0;
        long lost = 0;
        long duplicated = 0;
        for (AtomicInteger count : arrivals.values()) {
            sent++;
            int n = count.get();
            if (n == 0) {
                lost++;
            } else if (n > 1) {
                duplicated += n - 1;
            }
        }
        return new Totals(sent, lost, duplicated, unexpectedArrivals.size());
    }

    /** Up to {@code max} ids that never arrived, for the report. */
    List<String> lostIds(int max) {
        return arrivals.entrySet().stream()
                .filter(e -> e.getValue().get() == 0)
                .map(Map.Entry::getKey)
                .sorted()
                .limit(max)
                .toList();
    }

    /**
     * @param sent messages sent
     * @param lost sent, never arrived
     * @param duplicated arrivals beyond the first
     * @param unexpected ids that arrived but were never sent
     */
    record Totals(long sent, long lost, long duplicated, long unexpected) {}
}
