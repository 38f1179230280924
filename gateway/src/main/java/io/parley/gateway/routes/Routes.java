package io.parley.gateway.routes;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The public paths of API.md and the service that answers each. Every route has a circuit breaker whose
 * fallback names the part that is unavailable; only GET (idempotent) requests are retried, and only when
 * the service could not be reached or said it was unavailable.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouteLocator parleyRoutes(RouteLocatorBuilder builder, GatewayProperties services) {
        return builder.routes()
                // The Open Enquiry panel's REST twin lives with the agent socket in presence-service.
                .route(
                        "presence",
                        r -> r.path(
                                        "/api/auth/**",
                                        "/api/presence/**",
                                        "/api/enquiries/offers",
                                        "/api/admin/staff/**",
                                        "/ws/agent/**")
                                .filters(f -> resilient(f, "presence"))
                                .uri(services.presence().uri()))
                .route(
                        "enquiry",
                        r -> r.path("/api/enquiries", "/api/enquiries/**")
                                .filters(f -> resilient(f, "enquiry"))
                                .uri(services.enquiry().uri()))
                .route(
                        "chatroom",
                        r -> r.path("/api/rooms", "/api/rooms/**", "/ws/rooms/**")
                                .filters(f -> resilient(f, "chatroom"))
                                .uri(services.chatroom().uri()))
                .route(
                        "routing",
                        r -> r.path("/api/admin/destinations/**", "/api/admin/tags/**")
                                .filters(f -> resilient(f, "routing"))
                                .uri(services.routing().uri()))
                .route(
                        "channel-ingest",
                        r -> r.path(
                                        "/api/widget/**",
                                        "/api/visitor/**",
                                        "/api/links/**",
                                        "/api/attachments/**",
                                        "/api/admin/channel-accounts/**",
                                        "/api/admin/widgets/**",
                                        "/api/admin/links/**",
                                        "/c/**",
                                        "/webhooks/**",
                                        "/simulator/**",
                                        "/ws/visitor/**")
                                .filters(f -> resilient(f, "channel-ingest"))
                                .uri(services.channelIngest().uri()))
                .build();
    }

    private static GatewayFilterSpec resilient(GatewayFilterSpec filters, String service) {
        return filters.circuitBreaker(
                        breaker -> breaker.setName(service).setFallbackUri(URI.create("forward:/fallback/" + service)))
                .retry(retry -> idempotentOnly(retry));
    }

    private static void idempotentOnly(RetryConfig retry) {
        retry.setRetries(2);
        retry.setMethods(HttpMethod.GET, HttpMethod.HEAD);
        retry.setSeries();
        retry.setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE);
        retry.setExceptions(IOException.class, TimeoutException.class);
    }
}
