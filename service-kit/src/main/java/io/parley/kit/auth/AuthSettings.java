package io.parley.kit.auth;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks staff tokens ({@code parley.auth.*}).
 *
 * @param jwksUri where presence-service publishes the public keys that sign staff tokens
 * @param publicPaths Ant patterns under {@code /api} that need no staff token, on top of {@link
 *     StaffAuthenticationFilter#ALWAYS_PUBLIC} (login, the key set, the widget, visitor and link APIs)
 */
@ConfigurationProperties("parley.auth")
public record AuthSettings(
        @DefaultValue("http://127.0.0.1:8085/api/auth/jwks") URI jwksUri,
        @DefaultValue List<String> publicPaths) {

    public AuthSettings {
        publicPaths = List.copyOf(publicPaths);
    }
}
