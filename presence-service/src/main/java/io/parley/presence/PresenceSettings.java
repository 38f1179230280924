package io.parley.presence;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How presence-service behaves ({@code parley.presence.*}).
 *
 * @param tokenTtl how long a staff token lives; it also bounds how long other services accept a token after
 *     logout, since only presence knows the session ended
 * @param secureCookie whether the session cookie is marked Secure (on wherever the gateway is served over HTTPS)
 * @param idleAfter how long without activity turns an ACTIVE or BUSY staff member IDLE
 * @param offlineGrace how long a staff member's last agent socket may be gone before they become OFFLINE
 * @param allowedOrigins the browser origins whose pages may open the agent socket (the gateway's public origin)
 */
@ConfigurationProperties("parley.presence")
public record PresenceSettings(
        @DefaultValue("30m") Duration tokenTtl,
        @DefaultValue("false") boolean secureCookie,
        @DefaultValue("10m") Duration idleAfter,
        @DefaultValue("15s") Duration offlineGrace,
        @DefaultValue("http://localhost:8080") List<String> allowedOrigins) {

    public PresenceSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
