package io.parley.gateway.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /actuator/health} on the public port (API.md): {@code {"status":"UP","services":{…}}}, 200 when
 * the whole suite is UP, else 503. Only statuses are shown; details stay on the management port.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealth {

    @Bean
    RouterFunction<ServerResponse> publicHealthRoute(SuiteHealth suite) {
        return RouterFunctions.route()
                .GET(
                        "/actuator/health",
                        request -> suite.check()
                                .flatMap(status -> ServerResponse.status(
                                                status.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .bodyValue(status)))
                .build();
    }
}
