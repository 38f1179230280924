package io.parley.gateway.ui;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The console's and the widget's own files get a Content-Security-Policy with no inline script and no inline
 * style ({@code 'self'} only, sockets included), so markup that slipped into a message could not run even if
 * it were ever inserted as HTML. Paths proxied to the services keep the headers the services and the route
 * filters set.
 */
@Component
class BrowserSecurityHeaders implements WebFilter, Ordered {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    private static final List<String> PROXIED =
            List.of("/api/", "/ws/", "/c/", "/webhooks/", "/simulator/", "/actuator/", "/fallback/");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (PROXIED.stream().noneMatch(path::startsWith)) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
        }
        return chain.filter(exchange);
    }
}
