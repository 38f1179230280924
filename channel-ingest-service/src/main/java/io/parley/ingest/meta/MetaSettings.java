package io.parley.ingest.meta;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Messenger and WhatsApp connectors find the Graph API ({@code parley.channel-ingest.meta.*}); body
 * limit and timeout are every connector's ({@code ConnectorSettings}), retries the outbound dispatcher's.
 *
 * @param graphBaseUrl the Graph API host for accounts that do not name their own {@code platformBaseUrl}
 * @param graphVersion the Graph API version in every send path
 */
@ConfigurationProperties("parley.channel-ingest.meta")
public record MetaSettings(
        @DefaultValue("https://graph.facebook.com") URI graphBaseUrl,
        @DefaultValue("v21.0") String graphVersion) {

    public MetaSettings {
        if (!graphVersion.matches("v\\d+\\.\\d+")) {
            throw new IllegalArgumentException("parley.channel-ingest.meta.graph-version must look like v21.0");
        }
    }
}
