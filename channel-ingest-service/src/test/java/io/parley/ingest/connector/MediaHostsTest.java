package io.parley.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MediaHostsTest {

    private static final List<String> MESSENGER = List.of("*.fbcdn.net", "lookaside.fbsbx.com");

    @Test
    void aWildcardCoversHostsUnderTheDomainOnly() {
        ChannelAccount account = account(null);

        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("https://scontent.xx.fbcdn.net/v/a.jpg")))
                .isTrue();
        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("https://lookaside.fbsbx.com/x")))
                .isTrue();
        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("https://fbcdn.net/a.jpg")))
                .isFalse();
        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("https://evilfbcdn.net/a.jpg")))
                .isFalse();
        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("https://scontent.fbcdn.net.evil.com/a")))
                .isFalse();
        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("https://other.fbsbx.com/x")))
                .isFalse();
    }

    @Test
    void configuredHostsNeedHttpsAndNoUserInfo() {
        ChannelAccount account = account(null);

        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("http://scontent.fbcdn.net/a.jpg")))
                .isFalse();
        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("https://user@scontent.fbcdn.net/a.jpg")))
                .isFalse();
        assertThat(MediaHosts.allows(account, MESSENGER, URI.create("file:///etc/passwd")))
                .isFalse();
    }

    @Test
    void theAccountsOwnPlatformHostAndPortAreAllowed() {
        ChannelAccount account = account("http://localhost:8089/simulator");

        assertThat(MediaHosts.allows(account, List.of(), URI.create("http://localhost:8089/media/1")))
                .isTrue();
        assertThat(MediaHosts.allows(account, List.of(), URI.create("http://localhost:8090/media/1")))
                .isFalse();
        assertThat(MediaHosts.allows(account, List.of(), URI.create("http://127.0.0.1:8089/media/1")))
                .isFalse();
    }

    private static ChannelAccount account(@Nullable String platformBaseUrl) {
        return new ChannelAccount(
                "page-1",
                Channel.FACEBOOK,
                "Page",
                true,
                Map.of(),
                Map.of(),
                platformBaseUrl,
                null,
                Map.of(),
                List.of(),
                Instant.now());
    }
}
