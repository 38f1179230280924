package io.parley.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Services starting side by side in one JVM each register Logback metrics with the one Logback context; none of
 * those registrations may fail or be lost. (Each round uses a fresh context: its list of listeners is new, as
 * the JVM's is when the services start.)
 */
class SharedContextLogbackMetricsTest {

    private static final int SERVICES = 6;

    @Test
    void servicesStartingAtOnceEachRegisterTheirLogbackMetrics() {
        try (ExecutorService services = Executors.newFixedThreadPool(SERVICES)) {
            for (int round = 0; round < 2_000; round++) {
                LoggerContext context = new LoggerContext();
                CyclicBarrier together = new CyclicBarrier(SERVICES);
                List<CompletableFuture<SharedContextLogbackMetrics>> starts = new ArrayList<>();
                for (int i = 0; i < SERVICES; i++) {
                    starts.add(CompletableFuture.supplyAsync(
                            () -> {
                                await(together);
                                return SharedContextLogbackMetrics.create(context);
                            },
                            services));
                }
                starts.forEach(CompletableFuture::join);

                assertThat(context.getCopyOfListenerList()).hasSize(SERVICES);
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
