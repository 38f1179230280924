package io.parley.gateway.auth;

import io.parley.security.InvalidTokenException;
import io.parley.security.KeySetUnavailableException;
import io.parley.security.StaffPrincipal;
import io.parley.security.StaffTokenVerifier;
import io.parley.security.StaffTokens;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/**} and {@code /ws/**} need a valid staff token (Bearer header, the session cookie, or for
 * sockets an {@code access_token} parameter), except login, the key set and the visitors' widget, visitor,
 * link and socket paths; everything else (webhooks, chat pages, the simulator, health) is not the gateway's
 * to guard. Staff identity headers from outside are always dropped, and the verified staff id is passed on
 * as {@value #STAFF_ID}. Services verify the token again: the header is informative, not trusted.
 */
public final class StaffTokenFilter implements WebFilter, Ordered {

    public static final String STAFF_ID = "X-Parley-Staff-Id";
    private static final String STAFF_HEADER_PREFIX = "x-parley-staff-";
    private static final Logger log = LoggerFactory.getLogger(StaffTokenFilter.class);
    private static final List<PathPattern> PUBLIC = List.of(
                    "/api/auth/login",
                    "/api/auth/jwks",
                    "/api/widget/**",
                    "/api/visitor/**",
                    "/api/links/**",
                    "/ws/visitor/**")
            .stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final StaffTokenVerifier verifier;

    public StaffTokenFilter(StaffTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = withoutStaffHeaders(exchange.getRequest(), null);
        if (!guarded(request)) {
            return chain.filter(exchange.mutate().request(request).build());
        }
        String token = tokenOf(request);
        if (token == null) {
            return problem(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "auth.required", "Log in first");
        }
        return Mono.fromCallable(() -> verifier.verify(token))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(staff -> chain.filter(exchange.mutate()
                        .request(withoutStaffHeaders(request, staff))
                        .build()))
                .onErrorResume(KeySetUnavailableException.class, e -> {
                    log.warn("Cannot check staff tokens: {}", e.reason());
                    return problem(
                            exchange.getResponse(),
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "auth.unavailable",
                            "Sign-in cannot be checked right now; try again");
                })
                .onErrorResume(
                        InvalidTokenException.class,
                        e -> problem(
                                exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED,
                                "auth.invalid-token",
                                "Your sign-in is not valid or has expired"));
    }

    private static boolean guarded(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        boolean staffArea =
                path.equals("/api") || path.startsWith("/api/") || path.equals("/ws") || path.startsWith("/ws/");
        if (!staffArea) {
            return false;
        }
        PathContainer container = request.getPath().pathWithinApplication();
        return PUBLIC.stream().noneMatch(pattern -> pattern.matches(container));
    }

    private static @Nullable String tokenOf(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        HttpCookie cookie = request.getCookies().getFirst(StaffTokens.COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return cookie.getValue();
        }
        if (request.getPath().value().startsWith("/ws/")) {
            String query = request.getQueryParams().getFirst("access_token");
            return query == null || query.isBlank() ? null : query;
        }
        return null;
    }

    private static ServerHttpRequest withoutStaffHeaders(ServerHttpRequest request, @Nullable StaffPrincipal staff) {
        boolean forged = request.getHeaders().headerNames().stream()
                .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith(STAFF_HEADER_PREFIX));
        if (!forged && staff == null) {
            return request;
        }
        return request.mutate()
                .headers(headers -> {
                    List<String> names = headers.headerNames().stream()
                            .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(STAFF_HEADER_PREFIX))
                            .toList();
                    names.forEach(headers::remove);
                    if (staff != null) {
                        headers.set(STAFF_ID, staff.staffId());
                    }
                })
                .build();
    }

    private static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String code, String title) {
        return Problems.write(response, status, code, title);
    }
}
