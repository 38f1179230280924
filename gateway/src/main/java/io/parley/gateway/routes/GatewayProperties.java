package io.parley.gateway.routes;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services are ({@code parley.gateway.*}, e.g. {@code PARLEY_GATEWAY_ENQUIRY_URI}): each one's
 * public port, which the gateway routes to, and its management port, which only the gateway's health check
 * reads. Defaults (the embedded run's ports) are in {@code gateway.yml}.
 *
 * @param maxConcurrentCallsPerService how many requests the gateway lets wait for one service at once; more
 *     are answered 503 at once ({@link ServiceBulkheads})
 */
@ConfigurationProperties("parley.gateway")
public record GatewayProperties(
        Upstream channelIngest,
        Upstream routing,
        Upstream enquiry,
        Upstream chatroom,
        Upstream presence,
        @DefaultValue("1000") int maxConcurrentCallsPerService) {

    /** One service's two addresses. */
    public record Upstream(URI uri, URI managementUri) {}

    /** The services by their module name, in a stable order. */
    public Map<String, Upstream> byService() {
        Map<String, Upstream> services = new LinkedHashMap<>();
        services.put("channel-ingest-service", channelIngest);
        services.put("routing-service", routing);
        services.put("enquiry-service", enquiry);
        services.put("chatroom-service", chatroom);
        services.put("presence-service", presence);
        return services;
    }
}
