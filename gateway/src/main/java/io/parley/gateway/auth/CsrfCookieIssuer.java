package io.parley.gateway.auth;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hands the browser its CSRF cookie: a fresh one with every successful {@code POST /api/auth/login} answer
 * (a new session, a new token), and one with the console's page when the browser has none yet.
 */
public final class CsrfCookieIssuer implements WebFilter, Ordered {

    private static final String LOGIN = "/api/auth/login";
    private static final String CONSOLE_PAGE = "/console/";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        String path = request.getPath().pathWithinApplication().value();
        if (HttpMethod.POST.equals(request.getMethod()) && path.equals(LOGIN)) {
            response.beforeCommit(() -> {
                HttpStatusCode status = response.getStatusCode();
                if (status != null && status.is2xxSuccessful()) {
                    response.addCookie(CsrfToken.issue(request));
                }
                return Mono.empty();
            });
        } else if (HttpMethod.GET.equals(request.getMethod())
                && path.equals(CONSOLE_PAGE)
                && request.getCookies().getFirst(CsrfToken.COOKIE) == null) {
            response.addCookie(CsrfToken.issue(request));
        }
        return chain.filter(exchange);
    }
}
