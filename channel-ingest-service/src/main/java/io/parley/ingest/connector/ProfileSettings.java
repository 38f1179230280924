package io.parley.ingest.connector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of customers' profiles ({@code parley.channel-ingest.profiles.*}).
 *
 * @param ttl how long a fetched profile is used before it is fetched again (names change, picture URLs expire)
 * @param retryAfter how long a profile the platform did not give is not asked for again
 * @param maxEntries the most profiles kept; the least recently used go first
 */
@ConfigurationProperties("parley.channel-ingest.profiles")
public record ProfileSettings(
        @DefaultValue("6h") Duration ttl,
        @DefaultValue("1m") Duration retryAfter,
        @DefaultValue("10000") long maxEntries) {}
