package io.parley.kit.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AwaitedTest {

    private final AtomicReference<String> stored = new AtomicReference<>();
    private final AtomicInteger lookups = new AtomicInteger();

    private Optional<String> lookup() {
        lookups.incrementAndGet();
        return Optional.ofNullable(stored.get());
    }

    @Test
    void aSignalledWriteIsFoundAtOnceWithoutPolling() throws Exception {
        Awaited<String> rooms = new Awaited<>(Duration.ofSeconds(10));
        CompletableFuture<Optional<String>> waiting =
                CompletableFuture.supplyAsync(() -> rooms.await("room-1", Duration.ofSeconds(20), this::lookup));
        while (rooms.awaitedKeys() == 0) {
            Thread.onSpinWait();
        }

        stored.set("the room");
        rooms.signal("room-1");

        assertThat(waiting.get(2, TimeUnit.SECONDS)).contains("the room");
        assertThat(lookups.get()).isLessThanOrEqualTo(3);
        assertThat(rooms.awaitedKeys()).isZero();
    }

    @Test
    void aWriteOfAnotherInstanceIsFoundByPolling() {
        Awaited<String> rooms = new Awaited<>(Duration.ofMillis(20));
        CompletableFuture.runAsync(() -> {
            sleep(100);
            stored.set("written elsewhere");
        });

        assertThat(rooms.await("room-1", Duration.ofSeconds(5), this::lookup)).contains("written elsewhere");
    }

    @Test
    void nothingWrittenWithinTheWaitIsEmptyAndLeavesNothingBehind() {
        Awaited<String> rooms = new Awaited<>(Duration.ofMillis(50));

        long start = System.nanoTime();
        Optional<String> found = rooms.await("room-1", Duration.ofMillis(200), this::lookup);

        assertThat(found).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(lookups.get()).isBetween(3, 8);
        assertThat(rooms.awaitedKeys()).isZero();
    }

    @Test
    void aSignalForAnotherKeyDoesNotWakeTheWait() {
        Awaited<String> rooms = new Awaited<>(Duration.ofSeconds(10));
        CompletableFuture.runAsync(() -> {
            sleep(50);
            rooms.signal("room-2");
        });

        assertThat(rooms.await("room-1", Duration.ofMillis(300), this::lookup)).isEmpty();
        assertThat(lookups.get()).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
