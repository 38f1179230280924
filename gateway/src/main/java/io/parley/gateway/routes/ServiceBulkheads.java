package io.parley.gateway.routes;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud CircuitBreaker puts a resilience4j bulkhead inside every route's circuit breaker, by default
 * 25 calls at once per service. A webhook burst needs more: at 200 webhooks/s and 150 ms each, 30 are in
 * flight, and each call the bulkhead refuses counted as a failure of the service, so the breaker opened and
 * the gateway answered nearly every webhook 503 for a service that was answering. The gateway waits on its
 * services without holding a thread, so the limit is set where it only stops a service that has stopped
 * answering from piling up requests ({@code parley.gateway.max-concurrent-calls-per-service}, 1,000); a
 * request over it is refused at once (503) rather than queued.
 */
@Configuration(proxyBeanMethods = false)
class ServiceBulkheads {

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> bulkheadPerService(GatewayProperties properties) {
        BulkheadConfig limit = BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCallsPerService())
                .maxWaitDuration(Duration.ZERO)
                .build();
        return provider -> provider.configureDefault(service -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(limit)
                .build());
    }
}
