package io.parley.gateway.ui;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The console's entry points: {@code /} and {@code /console} lead to {@code /console/}, which is the console's
 * page (the other files under {@code static/} are served as they are by WebFlux's resource handling).
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages {

    private static final Resource CONSOLE = new ClassPathResource("static/console/index.html");

    @Bean
    RouterFunction<ServerResponse> consoleEntryPoints() {
        return RouterFunctions.route(GET("/"), request -> toConsole())
                .andRoute(GET("/console"), request -> toConsole())
                .andRoute(
                        GET("/console/"),
                        request -> ServerResponse.ok()
                                .contentType(MediaType.TEXT_HTML)
                                .cacheControl(CacheControl.noCache())
                                .bodyValue(CONSOLE));
    }

    private static reactor.core.publisher.Mono<ServerResponse> toConsole() {
        return ServerResponse.temporaryRedirect(URI.create("/console/")).build();
    }
}
