package io.parley.ingest.connector;

import io.parley.events.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how inbound media are fetched ({@code parley.channel-ingest.media-fetch.*}); the size limit is the
 * media store's.
 *
 * @param timeout the limit on all downloads of one message together (they run side by side)
 * @param maxRedirects redirects followed, each only to an allowed host
 * @param allowedHosts per channel, the hosts media may come from: {@code cdn.example.com} exactly, {@code
 *     *.example.com} any host under it; HTTPS only. The host of the account's own {@code platformBaseUrl} is
 *     always allowed (HTTP too), so tests and the demo can serve media locally
 */
@ConfigurationProperties("parley.channel-ingest.media-fetch")
public record MediaFetchSettings(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int maxRedirects,
        @Nullable Map<Channel, List<String>> allowedHosts) {

    public MediaFetchSettings {
        allowedHosts = allowedHosts == null ? Map.of() : Map.copyOf(allowedHosts);
    }

    public List<String> allowedHostsOf(Channel channel) {
        return allowedHosts.getOrDefault(channel, List.of());
    }
}
