package io.parley.ingest.line;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LINE connector ({@code parley.channel-ingest.line.*}).
 *
 * @param apiBaseUrl the Messaging API host for accounts that do not name their own {@code platformBaseUrl}
 * @param dataBaseUrl the host of message content ({@code api-data}) for accounts that do not name their own
 *     {@code platformBaseUrl} (one that does gets its content there too)
 * @param replyTokenLifetime how long after its webhook a reply token is used: LINE documents tokens as
 *     single-use and valid for about one minute, so 50 s leaves a margin; after it the reply is a push
 */
@ConfigurationProperties("parley.channel-ingest.line")
public record LineSettings(
        @DefaultValue("https://api.line.me") URI apiBaseUrl,
        @DefaultValue("50s") Duration replyTokenLifetime,
        @DefaultValue("https://api-data.line.me") URI dataBaseUrl) {}
