package io.parley.gateway.health;

import io.parley.gateway.routes.GatewayProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Asks every service's management port for its health. A service reports itself, Kafka and its document
 * store, so the suite is UP only when every service answers UP within the timeout.
 */
@Component
public class SuiteHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final GatewayProperties services;
    private final WebClient client;

    SuiteHealth(GatewayProperties services) {
        this.services = services;
        this.client = WebClient.create();
    }

    /** The suite's status and each service's, e.g. {@code UP, {enquiry-service: UP, …}}. */
    public Mono<Status> check() {
        return Flux.fromIterable(services.byService().entrySet())
                .flatMapSequential(entry -> statusOf(entry.getValue()
                                .managementUri()
                                .resolve("/actuator/health")
                                .toString())
                        .map(status -> Map.entry(entry.getKey(), status)))
                .collectList()
                .map(entries -> {
                    Map<String, String> byService = new LinkedHashMap<>();
                    entries.forEach(e -> byService.put(e.getKey(), e.getValue()));
                    boolean up = byService.values().stream().allMatch("UP"::equals);
                    return new Status(up ? "UP" : "DOWN", byService);
                });
    }

    private Mono<String> statusOf(String url) {
        return client.get()
                .uri(url)
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class))
                .map(body -> body.path("status").asString("UNKNOWN"))
                .timeout(TIMEOUT)
                .onErrorReturn("UNREACHABLE");
    }

    /** The suite's status and each service's. */
    public record Status(String status, Map<String, String> services) {

        public boolean up() {
            return "UP".equals(status);
        }
    }
}
