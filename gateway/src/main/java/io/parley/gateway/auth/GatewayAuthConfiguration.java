package io.parley.gateway.auth;

import io.parley.security.StaffTokenVerifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's staff token check, against presence-service's JWKS, and the console's CSRF check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayAuthSettings.class)
class GatewayAuthConfiguration {

    @Bean
    StaffTokenFilter staffTokenFilter(GatewayAuthSettings settings) {
        return new StaffTokenFilter(new StaffTokenVerifier(settings.jwksUri()));
    }

    @Bean
    CsrfCookieIssuer csrfCookieIssuer() {
        return new CsrfCookieIssuer();
    }

    @Bean
    CsrfCheck csrfCheck() {
        return new CsrfCheck();
    }
}
