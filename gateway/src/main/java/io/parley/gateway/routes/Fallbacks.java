package io.parley.gateway.routes;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.client.PrematureCloseException;

/**
 * What a caller gets when a service cannot answer: a 503 problem naming the part that is unavailable, so an
 * agent or an integrator knows what is wrong (and a platform retries its webhook).
 *
 * <p>For the operator, each fallback is counted by service and cause ({@code parley_gateway_fallbacks_total};
 * causes {@code circuit-open} when the breaker refused the call, {@code timeout} past the time limit, {@code
 * connect}, {@code closed-early} when the service closed the connection before answering, else the
 * failure's class), and a failure other than an open breaker is logged, at most once per 10 s per service
 * and cause with the number since the last line.
 */
@RestController
class Fallbacks {

    private static final Logger log = LoggerFactory.getLogger(Fallbacks.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final String CIRCUIT_OPEN = "circuit-open";

    private static final Map<String, String> PARTS = Map.of(
            "presence", "Sign-in and availability",
            "enquiry", "Enquiries",
            "chatroom", "Chat rooms",
            "routing", "Destinations and tags",
            "channel-ingest", "Channels and the visitor widget");

    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Throttle> logged = new ConcurrentHashMap<>();

    Fallbacks(MeterRegistry meters) {
        this.meters = meters;
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        // Only known services are named: the path is caller input and never echoed back.
        boolean known = PARTS.containsKey(service);
        record(
                known ? service : "unknown",
                exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR));
        String part = known ? PARTS.get(service) : "This part of Parley";
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setTitle(part + " is unavailable right now; try again shortly");
        problem.setProperty("code", known ? "gateway." + service + "-unavailable" : "gateway.unavailable");
        if (known) {
            problem.setProperty("service", service);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private void record(String service, @Nullable Throwable failure) {
        String cause = causeOf(failure);
        Counter.builder("parley.gateway.fallbacks")
                .description("Requests the gateway answered 503 itself, by service and cause")
                .tag("service", service)
                .tag("cause", cause)
                .register(meters)
                .increment();
        if (CIRCUIT_OPEN.equals(cause)) {
            return;
        }
        long skipped = logged.computeIfAbsent(service + " " + cause, key -> new Throttle())
                .next(clock.instant());
        if (skipped >= 0) {
            log.warn(
                    "{} did not answer, the gateway answered 503 ({} more like it since the last such line): {}",
                    service,
                    skipped,
                    failure == null ? "no cause recorded" : failure.toString());
        }
    }

    /** A stable name for the cause: a dashboard groups by it. */
    private static String causeOf(@Nullable Throwable failure) {
        return switch (failure) {
            case null -> "unknown";
            case CallNotPermittedException open -> CIRCUIT_OPEN;
            case TimeoutException timeout -> "timeout";
            case ConnectException refused -> "connect";
            case PrematureCloseException closed -> "closed-early";
            default -> failure.getClass().getSimpleName();
        };
    }

    /** One line per {@link #LOG_EVERY} for a service and cause, counting the ones left out. */
    private static final class Throttle {

        private Instant quietUntil = Instant.MIN;
        private long skipped;

        /** How many were left out since the last line, if a line is due now; else -1 (and this one is counted). */
        synchronized long next(Instant now) {
            if (now.isBefore(quietUntil)) {
                skipped++;
                return -1;
            }
            quietUntil = now.plus(LOG_EVERY);
            long leftOut = skipped;
            skipped = 0;
            return leftOut;
        }
    }
}
