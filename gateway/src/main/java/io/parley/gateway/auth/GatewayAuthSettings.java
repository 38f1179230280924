package io.parley.gateway.auth;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway finds the keys that sign staff tokens ({@code parley.auth.jwks-uri}): presence-service's
 * JWKS, reached directly rather than through the gateway's own routes.
 */
@ConfigurationProperties("parley.auth")
public record GatewayAuthSettings(
        @DefaultValue("http://127.0.0.1:8085/api/auth/jwks") URI jwksUri) {}
