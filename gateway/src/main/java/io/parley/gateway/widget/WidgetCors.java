package io.parley.gateway.widget;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin access for the visitor widget embedded in another site's page: its module and stylesheet
 * ({@code /widget/**}; a module script is always fetched with CORS), the public widget and visitor API, and
 * the web links' GETs. Preflights are answered here, before the staff-token filter. Nothing else gets CORS:
 * a staff API called from a foreign page gets no {@code Access-Control-Allow-Origin}, so the browser keeps
 * the answer from it. Credentials are never allowed (the visitor token travels in a header).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetOrigins.class)
class WidgetCors {

    private static final Duration PREFLIGHT_CACHE = Duration.ofHours(1);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    CorsWebFilter widgetCorsFilter(WidgetOrigins origins) {
        UrlBasedCorsConfigurationSource paths = new UrlBasedCorsConfigurationSource();
        CorsConfiguration readOnly = configuration(origins.allowedOrigins(), HttpMethod.GET, HttpMethod.HEAD);
        CorsConfiguration readWrite =
                configuration(origins.allowedOrigins(), HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST);
        paths.registerCorsConfiguration("/widget/**", readOnly);
        paths.registerCorsConfiguration("/api/links/**", readOnly);
        paths.registerCorsConfiguration("/api/widget/**", readWrite);
        paths.registerCorsConfiguration("/api/visitor/**", readWrite);
        return new CorsWebFilter(paths);
    }

    private static CorsConfiguration configuration(List<String> origins, HttpMethod... methods) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(origins);
        for (HttpMethod method : methods) {
            configuration.addAllowedMethod(method);
        }
        configuration.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(PREFLIGHT_CACHE);
        return configuration;
    }
}
