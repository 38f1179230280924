package io.parley.kit.auth;

import io.parley.security.InvalidTokenException;
import io.parley.security.KeySetUnavailableException;
import io.parley.security.StaffPrincipal;
import io.parley.security.StaffTokenVerifier;
import io.parley.security.StaffTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every {@code /api/**} request except the public paths must carry a valid staff token, in the {@code
 * Authorization: Bearer} header or the {@code parley_session} cookie: without one it is answered {@code 401
 * auth.required}, with a bad or expired one {@code 401 auth.invalid-token}, and, where a {@link SessionGuard}
 * knows the session was ended, {@code 401 auth.session-ended}. The verified staff member travels on as a
 * request attribute ({@link #currentStaff}).
 */
public final class StaffAuthenticationFilter extends OncePerRequestFilter {

    /** Paths no service guards with a staff token: login, the key set, and the visitors' APIs. */
    public static final List<String> ALWAYS_PUBLIC =
            List.of("/api/auth/login", "/api/auth/jwks", "/api/widget/**", "/api/visitor/**", "/api/links/**");

    private static final String ATTRIBUTE = StaffPrincipal.class.getName();
    private static final Logger log = LoggerFactory.getLogger(StaffAuthenticationFilter.class);

    private final StaffTokenVerifier verifier;
    private final @Nullable SessionGuard sessions;
    private final List<PathPattern> publicPaths;

    public StaffAuthenticationFilter(
            StaffTokenVerifier verifier, @Nullable SessionGuard sessions, List<String> publicPaths) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.publicPaths = Stream.concat(ALWAYS_PUBLIC.stream(), publicPaths.stream())
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    /** The staff member a request was authenticated as, or null on a public path. */
    public static @Nullable StaffPrincipal currentStaff(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof StaffPrincipal principal ? principal : null;
    }

    /** The token of a request: the Bearer header first, else the session cookie. */
    public static @Nullable String tokenOf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? null : token;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (StaffTokens.COOKIE.equals(cookie.getName())
                        && !cookie.getValue().isBlank()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        if (!(path.equals("/api") || path.startsWith("/api/"))) {
            return true;
        }
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = tokenOf(request);
        if (token == null) {
            AuthProblems.write(response, 401, "auth.required", "Log in first");
            return;
        }
        StaffPrincipal principal;
        try {
            principal = verifier.verify(token);
        } catch (KeySetUnavailableException e) {
            log.warn("Cannot check staff tokens: {}", e.reason());
            AuthProblems.write(response, 503, "auth.unavailable", "Sign-in cannot be checked right now; try again");
            return;
        } catch (InvalidTokenException e) {
            log.debug("Refused a staff token: {}", e.reason());
            AuthProblems.write(response, 401, "auth.invalid-token", "Your sign-in is not valid or has expired");
            return;
        }
        if (sessions != null && !sessions.isOpen(principal)) {
            AuthProblems.write(response, 401, "auth.session-ended", "You have logged out; log in again");
            return;
        }
        request.setAttribute(ATTRIBUTE, principal);
        chain.doFilter(request, response);
    }
}
