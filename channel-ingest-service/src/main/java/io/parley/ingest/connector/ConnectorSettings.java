package io.parley.ingest.connector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How every messaging-channel connector behaves ({@code parley.channel-ingest.connectors.*}).
 *
 * @param maxWebhookBody the largest webhook body accepted; a larger one is refused with 413 unread
 * @param timeout the limit on each call to a platform's API (connect and answer)
 * @param timestampTolerance how far a signed webhook timestamp may be from our clock (third party)
 */
@ConfigurationProperties("parley.channel-ingest.connectors")
public record ConnectorSettings(
        @DefaultValue("1MB") DataSize maxWebhookBody,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("5m") Duration timestampTolerance) {}
