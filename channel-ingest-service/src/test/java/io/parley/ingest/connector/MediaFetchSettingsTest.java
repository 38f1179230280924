package io.parley.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shipped configuration names each channel's media hosts. */
class MediaFetchSettingsTest {

    @Test
    void eachChannelWithMediaHasItsPlatformsHosts() {
        MediaFetchSettings settings =
                ShippedConfiguration.bind("parley.channel-ingest.media-fetch", MediaFetchSettings.class);

        assertThat(settings.allowedHostsOf(Channel.FACEBOOK)).contains("*.fbcdn.net", "*.fbsbx.com");
        assertThat(settings.allowedHostsOf(Channel.WHATSAPP))
                .contains("graph.facebook.com", "*.whatsapp.net", "lookaside.fbsbx.com");
        assertThat(settings.allowedHostsOf(Channel.LINE)).contains("api-data.line.me", "*.line-scdn.net");
        assertThat(settings.allowedHostsOf(Channel.WOZTELL)).containsExactly("*.woztell.com");
        assertThat(settings.allowedHostsOf(Channel.THIRD_PARTY)).isEmpty();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
