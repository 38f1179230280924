package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark's command line: both option forms, flags, and the duration units of the profile. */
class ArgsTest {

    @Test
    void readsBothOptionFormsAfterTheBenchmarkName() {
        Args args = Args.parse(new String[] {"load", "--rate", "50", "--staff=100", "--keep"});

        assertThat(args.integer("rate", 200)).isEqualTo(50);
        assertThat(args.integer("staff", 500)).isEqualTo(100);
        assertThat(args.flag("keep")).isTrue();
        assertThat(args.integer("messages", 2)).isEqualTo(2);
    }

    @Test
    void durationsTakeMillisecondsSecondsMinutesOrPlainSeconds() {
        assertThat(Args.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Args.duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Args.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Args.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Args.duration("60")).isEqualTo(Duration.ofSeconds(60));
    }
}
