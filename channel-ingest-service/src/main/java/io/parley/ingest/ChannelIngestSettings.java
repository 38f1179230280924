package io.parley.ingest;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How channel-ingest-service behaves ({@code parley.channel-ingest.*}).
 *
 * @param publicBaseUrl the public origin (the gateway) that web links and their QR codes point at
 */
@ConfigurationProperties("parley.channel-ingest")
public record ChannelIngestSettings(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl) {

    /** The public address of a web link's chat page. */
    public String chatPageUrl(String linkId) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/c/" + linkId;
    }
}
