package io.parley.bench.load;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: request {@code n} is due at {@code start + n / rate} whatever happened to the
 * requests before it, each sent on a virtual thread of its own, and its latency is counted from the time it
 * was due, not from when it was actually sent. A slow answer therefore neither delays the next request nor
 * hides the queueing it caused (coordinated omission): if the sender itself fell behind, the lag is in the
 * figure.
 */
final class OpenLoop {

    /** How many requests, how fast, and how many of the first ones are warm-up (not measured). */
    record Schedule(int rate, Duration warmUp, Duration duration) {

        Schedule {
            if (rate <= 0) {
                throw new IllegalArgumentException("rate must be positive, was " + rate);
            }
        }

        int warmUpCount() {
            return (int) (rate * warmUp.toMillis() / 1000);
        }

        int total() {
            return warmUpCount() + (int) (rate * duration.toMillis() / 1000);
        }

        /** When request {@code n} is due, in nanoseconds after the start (no drift: not a sum of intervals). */
        long dueAfter(int n) {
            return n * 1_000_000_000L / rate;
        }
    }

    /** One request: sends it and tells whether it succeeded (a 2xx answer in time). */
    @FunctionalInterface
    interface Request {
        boolean send(int n) throws Exception;
    }

    /** What became of request {@code n}: its latency from the time it was due, and whether it succeeded. */
    @FunctionalInterface
    interface Outcome {
        void record(int n, boolean measured, long latencyNanos, boolean ok);
    }

    private OpenLoop() {}

    /**
     * Sends every request of {@code schedule} at its due time and waits for the last answer.
     *
     * @return the measured window: its start (the first measured request's due time) and the last due time,
     *     both {@link System#nanoTime()}
     */
    static long[] run(Schedule schedule, Request request, Outcome outcome) {
        int warmUp = schedule.warmUpCount();
        int total = schedule.total();
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < total; n++) {
                long due = start + schedule.dueAfter(n);
                long early = due - System.nanoTime();
                if (early > 0) {
                    LockSupport.parkNanos(early);
                }
                int number = n;
                senders.submit(() -> {
                    boolean ok;
                    try {
                        ok = request.send(number);
                    } catch (Exception e) {
                        ok = false;
                    }
                    outcome.record(number, number >= warmUp, System.nanoTime() - due, ok);
                });
            }
        }
        return new long[] {start + schedule.dueAfter(warmUp), start + schedule.dueAfter(Math.max(0, total - 1))};
    }
}
