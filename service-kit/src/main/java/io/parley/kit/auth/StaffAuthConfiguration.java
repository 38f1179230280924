package io.parley.kit.auth;

import io.parley.security.KeySource;
import io.parley.security.StaffTokenVerifier;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Staff authentication for a servlet service: the token filter on {@code /api/**} and the principal argument. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AuthSettings.class)
public class StaffAuthConfiguration {

    /**
     * Verifies against presence-service's JWKS ({@code parley.auth.jwks-uri}); a service that holds the
     * signing key itself (presence) declares a {@link KeySource} bean and verifies with it directly.
     */
    @Bean
    StaffTokenVerifier staffTokenVerifier(
            AuthSettings settings, ObjectProvider<Clock> clock, ObjectProvider<KeySource> localKeys) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        KeySource local = localKeys.getIfAvailable();
        return local != null ? new StaffTokenVerifier(local, time) : new StaffTokenVerifier(settings.jwksUri(), time);
    }

    @Bean
    FilterRegistrationBean<StaffAuthenticationFilter> staffAuthenticationFilter(
            StaffTokenVerifier verifier, ObjectProvider<SessionGuard> sessions, AuthSettings settings) {
        var registration = new FilterRegistrationBean<>(
                new StaffAuthenticationFilter(verifier, sessions.getIfAvailable(), settings.publicPaths()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    WebMvcConfigurer staffPrincipalArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new StaffPrincipalResolver());
            }
        };
    }
}
