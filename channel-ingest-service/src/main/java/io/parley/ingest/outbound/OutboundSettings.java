package io.parley.ingest.outbound;

import io.parley.events.Channel;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outbound messages meet a failing or busy platform ({@code parley.channel-ingest.outbound.*}): retries
 * of transient failures, a circuit breaker and a rate limiter per channel account.
 *
 * @param rateLimits each channel's rate limit per account; a channel not named here uses {@code rateLimit}
 */
@ConfigurationProperties("parley.channel-ingest.outbound")
public record OutboundSettings(
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker,
        @DefaultValue RateLimit rateLimit,
        @Nullable Map<Channel, RateLimit> rateLimits) {

    public OutboundSettings {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    /** The limit for one account of this channel. */
    public RateLimit rateLimitOf(Channel channel) {
        return rateLimits.getOrDefault(channel, rateLimit);
    }

    /**
     * @param attempts tries in all of a message whose failure is transient (the first one included)
     * @param backoff the wait before the second try; multiplied by {@code multiplier} before each further one
     * @param maxBackoff the longest wait between two tries
     */
    public record Retry(
            @DefaultValue("3") int attempts,
            @DefaultValue("200ms") Duration backoff,
            @DefaultValue("2") double multiplier,
            @DefaultValue("5s") Duration maxBackoff) {

        public Retry {
            if (attempts < 1 || multiplier < 1) {
                throw new IllegalArgumentException(
                        "parley.channel-ingest.outbound.retry needs attempts >= 1 and multiplier >= 1");
            }
        }
    }

    /**
     * The circuit breaker of each account: over the last {@code window} calls to its platform (once there have
     * been {@code minimumCalls}), a share of transient failures of {@code failureRate} percent or more opens it;
     * open, no call is made for {@code openFor}; then {@code trialCalls} calls decide whether it closes again.
     */
    public record Breaker(
            @DefaultValue("50") float failureRate,
            @DefaultValue("20") int window,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("2") int trialCalls) {}

    /**
     * A rate limit per account: {@code limit} calls per {@code period}; a call waits at most {@code maxWait} for
     * its turn, then its message fails {@code rate-limited}.
     */
    public record RateLimit(
            @DefaultValue("20") int limit,
            @DefaultValue("1s") Duration period,
            @DefaultValue("5s") Duration maxWait) {

        public RateLimit {
            if (limit < 1 || period.isNegative() || period.isZero() || maxWait.isNegative()) {
                throw new IllegalArgumentException("A rate limit needs limit >= 1, a positive period and maxWait >= 0");
            }
        }
    }
}
