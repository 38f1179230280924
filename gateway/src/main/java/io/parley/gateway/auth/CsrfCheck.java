package io.parley.gateway.auth;

import io.parley.security.StaffTokens;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Double-submit CSRF protection for the console: a state-changing {@code /api/**} request (POST, PUT, PATCH,
 * DELETE) that a browser authenticates with the session cookie alone must carry {@value CsrfToken#HEADER}
 * equal to the {@code parley_csrf} cookie, or it is refused with {@code 403 auth.csrf} before it reaches a
 * service. Requests with an {@code Authorization} header (scripts, other clients: a browser never adds one
 * on its own), login and the visitors' public paths are not checked.
 */
public final class CsrfCheck implements WebFilter, Ordered {

    private static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final List<PathPattern> EXEMPT =
            List.of("/api/auth/login", "/api/widget/**", "/api/visitor/**", "/api/links/**").stream()
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!needsToken(request)) {
            return chain.filter(exchange);
        }
        HttpCookie cookie = request.getCookies().getFirst(CsrfToken.COOKIE);
        String header = request.getHeaders().getFirst(CsrfToken.HEADER);
        if (CsrfToken.matches(cookie == null ? null : cookie.getValue(), header)) {
            return chain.filter(exchange);
        }
        return Problems.write(
                exchange.getResponse(),
                HttpStatus.FORBIDDEN,
                "auth.csrf",
                "The request lacks the console's CSRF token; reload the page");
    }

    private static boolean needsToken(ServerHttpRequest request) {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            return false;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        String value = path.value();
        if (!(value.equals("/api") || value.startsWith("/api/"))) {
            return false;
        }
        if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return false;
        }
        HttpCookie session = request.getCookies().getFirst(StaffTokens.COOKIE);
        if (session == null || session.getValue().isBlank()) {
            return false;
        }
        return EXEMPT.stream().noneMatch(pattern -> pattern.matches(path));
    }
}
