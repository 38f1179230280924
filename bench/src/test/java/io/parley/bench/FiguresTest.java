package io.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void theTableShowsEachFigureInMillisecondsAndAsAMultipleOfTheBase() {
        Figures figures = new Figures();
        figures.base("raw");
        for (int i = 0; i < 100; i++) {
            figures.record("raw", 1_000);
            figures.record("ack", 3_000);
        }
        figures.histogram("never recorded");
        figures.error("ack: 503", "503 {}");
        figures.fact("suite", "child JVM");

        String table = figures.table();

        assertThat(table)
                .containsPattern("ack\\s+100\\s+3\\.00\\s+3\\.00\\s+3\\.00\\s+3\\.00\\s+3\\.00\\s+3\\.0x\\s+3\\.0x");
        assertThat(table).containsPattern("raw\\s+100\\s+1\\.00 .*1\\.00\\s*\\n");
        assertThat(table).containsPattern("never recorded\\s+0\\s+0\\.00");
        assertThat(table).contains("ack: 503", "e.g. 503 {}", "suite", "child JVM");
    }
}
