package io.parley.ingest.outbound;

import io.parley.events.DeliveryFailure;

/**
 * The failure codes every channel shares, so the agent's console reads one vocabulary: what a person can do
 * about a message that did not go out. {@link #UNREACHABLE} is the one transient code: a sender returns it
 * (through {@link #unreachable}) for a connect error, a timeout, a 429 or a 5xx, and {@link
 * OutboundResilience} tries the message again and counts it against the account's circuit breaker; every
 * other code is final.
 */
public final class DeliveryFailures {

    public static final String WINDOW_CLOSED = "window-closed";
    public static final String BAD_CREDENTIALS = "bad-credentials";
    public static final String BLOCKED = "blocked";
    public static final String REJECTED = "rejected";
    public static final String UNREACHABLE = "unreachable";
    public static final String UNSUPPORTED_CONTENT = "unsupported-content";
    public static final String NOT_CONFIGURED = "not-configured";
    public static final String PLATFORM_UNAVAILABLE = "platform-unavailable";
    public static final String RATE_LIMITED = "rate-limited";

    private DeliveryFailures() {}

    /** Whether trying the same message again later may succeed: the platform did not answer for good. */
    public static boolean isTransient(DeliveryFailure failure) {
        return UNREACHABLE.equals(failure.code());
    }

    public static DeliveryFailure noToken() {
        return new DeliveryFailure(
                BAD_CREDENTIALS, "The channel account has no access token: an admin must set it", true);
    }

    public static DeliveryFailure textOnly() {
        return new DeliveryFailure(UNSUPPORTED_CONTENT, "Only text can be sent on this channel for now", false);
    }

    public static DeliveryFailure badCredentials() {
        return new DeliveryFailure(
                BAD_CREDENTIALS, "The channel account's access token was refused: an admin must renew it", true);
    }

    public static DeliveryFailure rejected(String detail) {
        return new DeliveryFailure(REJECTED, "The platform refused the message: " + detail, false);
    }

    /** The transient failure: no final answer from the platform (connect error, timeout, 429, 5xx). */
    public static DeliveryFailure unreachable(String detail) {
        return new DeliveryFailure(UNREACHABLE, "The platform could not be reached: " + detail, false);
    }

    /** A setting the channel account needs is missing: an admin must add it. */
    public static DeliveryFailure notConfigured(String detail) {
        return new DeliveryFailure(NOT_CONFIGURED, detail, true);
    }
}
