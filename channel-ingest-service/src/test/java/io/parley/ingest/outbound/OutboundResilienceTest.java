package io.parley.ingest.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboundResilienceTest {

    @Test
    void anAccountsOwnRateLimitReadsAsCallsPerPeriod() {
        OutboundSettings.RateLimit limit = OutboundResilience.parse("80/1s", Duration.ofSeconds(5));

        assertThat(limit).isEqualTo(new OutboundSettings.RateLimit(80, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        assertThat(OutboundResilience.parse(" 2 / 1h ", Duration.ZERO).period()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anUnreadableRateLimitIsNone() {
        assertThat(OutboundResilience.parse("fast", Duration.ZERO)).isNull();
        assertThat(OutboundResilience.parse("/1s", Duration.ZERO)).isNull();
        assertThat(OutboundResilience.parse("0/1s", Duration.ZERO)).isNull();
        assertThat(OutboundResilience.parse("10/soon", Duration.ZERO)).isNull();
    }
}
