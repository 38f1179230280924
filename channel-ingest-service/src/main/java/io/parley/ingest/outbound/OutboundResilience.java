package io.parley.ingest.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.DeliveryFailure;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.outbound.ChannelSender.Failed;
import io.parley.ingest.outbound.ChannelSender.Outcome;
import io.parley.ingest.outbound.OutboundSettings.RateLimit;
import java.io.Serial;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * The one place where calls to a platform's send API meet resilience4j, per channel account (each
 * instance is named by the account id, so its metrics say which account): a transient failure ({@link
 * DeliveryFailures#isTransient}) is tried again with exponential back-off; each try first passes the
 * account's circuit breaker (open after repeated transient failures: the message fails {@code
 * platform-unavailable} at once, the platform is not called) and then its rate limiter (a bounded wait for a
 * permit, else {@code rate-limited}). A final answer of the platform (a 4xx) counts as a working platform.
 *
 * <p>The rate limit is the channel's ({@link OutboundSettings#rateLimitOf}), unless the account's setting
 * {@value #RATE_LIMIT_SETTING} names its own as {@code <calls>/<period>}, e.g. {@code 80/1s}.
 */
@Component
public class OutboundResilience {

    public static final String RATE_LIMIT_SETTING = "outboundRateLimit";
    private static final Logger log = LoggerFactory.getLogger(OutboundResilience.class);

    private final OutboundSettings settings;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;

    OutboundResilience(OutboundSettings settings, MeterRegistry meters) {
        this.settings = settings;
        OutboundSettings.Retry retry = settings.retry();
        this.retries = RetryRegistry.of(RetryConfig.<Outcome>custom()
                .maxAttempts(retry.attempts())
                .intervalFunction(
                        IntervalFunction.ofExponentialBackoff(retry.backoff(), retry.multiplier(), retry.maxBackoff()))
                .retryOnResult(OutboundResilience::isTransient)
                .retryOnException(e -> false)
                .failAfterMaxAttempts(false)
                .build());
        OutboundSettings.Breaker breaker = settings.breaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.window())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(breaker.trialCalls())
                .build());
        this.limiters = RateLimiterRegistry.ofDefaults();
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
    }

    /**
     * Makes the tries of one message to the account's platform.
     *
     * @param attempt one try (one call of a {@link ChannelSender}); it may run several times
     * @return the last try's outcome; a transient failure after every try names how many were made
     */
    public Outcome send(ChannelAccount account, Supplier<Outcome> attempt) {
        CircuitBreaker breaker = breakers.circuitBreaker(account.id());
        RateLimiter limiter = limiterOf(account);
        AtomicInteger tries = new AtomicInteger();
        Supplier<Outcome> guarded = () -> {
            if (!breaker.tryAcquirePermission()) {
                return new Failed(platformUnavailable());
            }
            if (!limiter.acquirePermission()) {
                breaker.releasePermission();
                return new Failed(rateLimited(limiter.getRateLimiterConfig().getTimeoutDuration()));
            }
            tries.incrementAndGet();
            long start = breaker.getCurrentTimestamp();
            Outcome outcome;
            try {
                outcome = attempt.get();
            } catch (RuntimeException e) {
                breaker.releasePermission();
                throw e;
            }
            long took = breaker.getCurrentTimestamp() - start;
            if (isTransient(outcome)) {
                breaker.onError(took, breaker.getTimestampUnit(), TransientFailure.INSTANCE);
            } else {
                breaker.onSuccess(took, breaker.getTimestampUnit());
            }
            return outcome;
        };
        Retry retry = retries.retry(account.id());
        Outcome outcome = Retry.decorateSupplier(retry, guarded).get();
        if (outcome instanceof Failed failed && isTransient(outcome) && tries.get() > 1) {
            DeliveryFailure failure = failed.failure();
            return new Failed(new DeliveryFailure(
                    failure.code(),
                    failure.reason() + " after " + tries.get() + " attempts",
                    failure.actionRequired()));
        }
        return outcome;
    }

    private RateLimiter limiterOf(ChannelAccount account) {
        RateLimit limit = rateLimitOf(account);
        RateLimiterConfig wanted = RateLimiterConfig.custom()
                .limitForPeriod(limit.limit())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(limit.maxWait())
                .build();
        RateLimiter limiter = limiters.rateLimiter(account.id(), wanted);
        RateLimiterConfig current = limiter.getRateLimiterConfig();
        if (current.getLimitForPeriod() != limit.limit()
                || !current.getLimitRefreshPeriod().equals(limit.period())
                || !current.getTimeoutDuration().equals(limit.maxWait())) {
            // The account's or the channel's limit changed since this limiter was made.
            limiters.remove(account.id());
            limiter = limiters.rateLimiter(account.id(), wanted);
        }
        return limiter;
    }

    private RateLimit rateLimitOf(ChannelAccount account) {
        RateLimit channel = settings.rateLimitOf(account.channel());
        String own = account.settings().get(RATE_LIMIT_SETTING);
        if (own == null || own.isBlank()) {
            return channel;
        }
        RateLimit parsed = parse(own, channel.maxWait());
        if (parsed == null) {
            log.warn(
                    "Account {} has an unreadable {} setting: the channel's limit applies",
                    account.id(),
                    RATE_LIMIT_SETTING);
            return channel;
        }
        return parsed;
    }

    /** {@code <calls>/<period>}, e.g. {@code 80/1s}; null when it is not that. */
    static @Nullable RateLimit parse(String value, Duration maxWait) {
        int slash = value.indexOf('/');
        if (slash < 1) {
            return null;
        }
        try {
            return new RateLimit(
                    Integer.parseInt(value.substring(0, slash).trim()),
                    DurationStyle.detectAndParse(value.substring(slash + 1).trim()),
                    maxWait);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isTransient(Outcome outcome) {
        return outcome instanceof Failed failed && DeliveryFailures.isTransient(failed.failure());
    }

    private DeliveryFailure platformUnavailable() {
        return new DeliveryFailure(
                DeliveryFailures.PLATFORM_UNAVAILABLE,
                "The platform kept failing for this channel account, so nothing is sent to it for up to "
                        + settings.breaker().openFor().toSeconds() + " s: send the message again later",
                false);
    }

    private static DeliveryFailure rateLimited(Duration waited) {
        return new DeliveryFailure(
                DeliveryFailures.RATE_LIMITED,
                "More messages than the platform accepts for this channel account: this one found no slot within "
                        + waited.toMillis() + " ms; send it again later",
                false);
    }

    /** What the circuit breaker records for a transient failure (a value, not an error of ours). */
    private static final class TransientFailure extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        static final TransientFailure INSTANCE = new TransientFailure();

        private TransientFailure() {
            super("transient platform failure", null, false, false);
        }
    }
}
