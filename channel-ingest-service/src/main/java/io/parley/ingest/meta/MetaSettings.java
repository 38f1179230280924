package io.parley.ingest.meta;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the Messenger and WhatsApp connectors behave ({@code parley.channel-ingest.meta.*}).
 *
 * @param graphBaseUrl the Graph API host for accounts that do not name their own {@code platformBaseUrl}
 * @param graphVersion the Graph API version in every send path
 * @param maxWebhookBody the largest webhook body accepted; a larger one is refused with 413 unread
 * @param timeout the limit on each call to the Graph API (connect and answer)
 * @param attempts how many times a send is tried in all on a 5xx, a 429 or an I/O error (the first try
 *     included)
 * @param backoff the wait before the second try; it doubles before each further one
 */
@ConfigurationProperties("parley.channel-ingest.meta")
public record MetaSettings(
        @DefaultValue("https://graph.facebook.com") URI graphBaseUrl,
        @DefaultValue("v21.0") String graphVersion,
        @DefaultValue("1MB") DataSize maxWebhookBody,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("200ms") Duration backoff) {

    public MetaSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("parley.channel-ingest.meta.attempts must be at least 1");
        }
        if (!graphVersion.matches("v\\d+\\.\\d+")) {
            throw new IllegalArgumentException("parley.channel-ingest.meta.graph-version must look like v21.0");
        }
    }
}
