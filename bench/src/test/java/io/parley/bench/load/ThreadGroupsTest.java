package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadGroupsTest {

    @Test
    void threadsAreGroupedByTheirLinuxNames() {
        assertThat(ThreadGroups.groupOf("C2 CompilerThre")).isEqualTo("JIT compiler");
        assertThat(ThreadGroups.groupOf("G1 Conc#0")).isEqualTo("garbage collector");
        assertThat(ThreadGroups.groupOf("ZWorkerYoung#0")).isEqualTo("garbage collector");
        assertThat(ThreadGroups.groupOf("GC Thread#1")).isEqualTo("garbage collector");
        assertThat(ThreadGroups.groupOf("ForkJoinPool-1-")).startsWith("virtual threads");
        assertThat(ThreadGroups.groupOf("reactor-http-ep")).startsWith("gateway");
        assertThat(ThreadGroups.groupOf("data-plane-kafk")).isEqualTo("Kafka broker");
        assertThat(ThreadGroups.groupOf("mongo-server-wo")).startsWith("document store");
        assertThat(ThreadGroups.groupOf("routing-service")).startsWith("routing");
        assertThat(ThreadGroups.groupOf("kafka-producer-")).startsWith("Kafka clients");
        assertThat(ThreadGroups.groupOf("Signal Dispatch")).isEqualTo("other");
    }
}
