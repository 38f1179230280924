package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The open-loop generator keeps its schedule whatever the answers do, and counts latency from it. */
class OpenLoopTest {

    @Test
    void theScheduleSpacesRequestsEvenlyWithoutDriftAndSplitsOffTheWarmUp() {
        OpenLoop.Schedule schedule = new OpenLoop.Schedule(200, Duration.ofSeconds(5), Duration.ofSeconds(20));

        assertThat(schedule.warmUpCount()).isEqualTo(1_000);
        assertThat(schedule.total()).isEqualTo(5_000);
        assertThat(schedule.dueAfter(1)).isEqualTo(5_000_000L);
        assertThat(schedule.dueAfter(4_999)).isEqualTo(24_995_000_000L);
        // 3 per second: 333,333,333 ns apart, but request 3 is due at exactly one second.
        assertThat(new OpenLoop.Schedule(3, Duration.ZERO, Duration.ofSeconds(1)).dueAfter(3))
                .isEqualTo(1_000_000_000L);
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new OpenLoop.Schedule(0, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate");
    }

    @Test
    void everyRequestIsSentOnceAndOnlyTheOnesAfterTheWarmUpAreMeasured() {
        OpenLoop.Schedule schedule = new OpenLoop.Schedule(1_000, Duration.ofMillis(20), Duration.ofMillis(50));
        Map<Integer, Boolean> measured = new ConcurrentHashMap<>();
        Map<Integer, Boolean> sent = new ConcurrentHashMap<>();

        OpenLoop.run(
                schedule,
                n -> {
                    sent.put(n, true);
                    return n % 10 != 7;
                },
                (n, inWindow, latency, ok) -> {
                    measured.put(n, inWindow);
                    assertThat(latency).isNotNegative();
                    assertThat(ok).isEqualTo(n % 10 != 7);
                });

        assertThat(sent).hasSize(70);
        assertThat(measured).hasSize(70);
        assertThat(measured.entrySet()).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(e.getKey() >= 20));
    }

    @Test
    void aRequestThatHangsDoesNotHoldBackTheOnesScheduledAfterIt() throws Exception {
        // Closed loop, request 0 would wait for the last one and the run would never end.
        OpenLoop.Schedule schedule = new OpenLoop.Schedule(500, Duration.ZERO, Duration.ofMillis(40));
        CountDownLatch others = new CountDownLatch(schedule.total() - 1);
        Map<Integer, Boolean> outcomes = new ConcurrentHashMap<>();

        OpenLoop.run(
                schedule,
                n -> {
                    if (n == 0) {
                        return others.await(60, TimeUnit.SECONDS);
                    }
                    others.countDown();
                    return true;
                },
                (n, inWindow, latency, ok) -> outcomes.put(n, ok));

        assertThat(outcomes).hasSize(schedule.total());
        assertThat(outcomes.get(0))
                .as("request 0 answered once all the later ones were sent")
                .isTrue();
    }

    @Test
    void aRequestThatThrowsCountsAsFailed() {
        Map<Integer, Boolean> outcomes = new ConcurrentHashMap<>();

        OpenLoop.run(
                new OpenLoop.Schedule(100, Duration.ZERO, Duration.ofMillis(30)),
                n -> {
                    throw new java.io.IOException("connection refused");
                },
                (n, inWindow, latency, ok) -> outcomes.put(n, ok));

        assertThat(outcomes).hasSize(3).doesNotContainValue(true);
    }
}
