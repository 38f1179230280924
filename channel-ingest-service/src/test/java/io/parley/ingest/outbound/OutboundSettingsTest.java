package io.parley.ingest.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.ingest.connector.ShippedConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shipped configuration gives each channel its platform's rate limit, and the rest their defaults. */
class OutboundSettingsTest {

    @Test
    void eachChannelHasItsPlatformsRateLimit() {
        OutboundSettings settings = ShippedConfiguration.bind("parley.channel-ingest.outbound", OutboundSettings.class);

        assertThat(settings.rateLimitOf(Channel.FACEBOOK))
                .isEqualTo(new OutboundSettings.RateLimit(300, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        assertThat(settings.rateLimitOf(Channel.WHATSAPP).limit()).isEqualTo(80);
        assertThat(settings.rateLimitOf(Channel.THIRD_PARTY).limit()).isEqualTo(50);
        assertThat(settings.rateLimitOf(Channel.EMAIL)).isEqualTo(settings.rateLimit());
        assertThat(settings.retry().attempts()).isEqualTo(3);
        assertThat(settings.breaker().openFor()).isEqualTo(Duration.ofSeconds(30));
    }
}
