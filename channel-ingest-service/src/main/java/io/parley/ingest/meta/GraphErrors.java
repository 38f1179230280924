package io.parley.ingest.meta;

import io.parley.events.DeliveryFailure;
import io.parley.ingest.outbound.DeliveryFailures;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a Graph API refusal into the failure the agent sees beside the message, by what a person can do
 * about it: the 24-hour window closed (code 10, subcode 2018278, WhatsApp 131047, or Meta's "outside of
 * allowed window") — re-engage the customer; bad credentials (190) — fix the account; blocked (551,
 * subcode 1545041, WhatsApp 131050) — the customer does not accept messages; any other 4xx is rejected and a
 * 5xx or no answer at all is unreachable (a retry later may succeed).
 */
final class GraphErrors {

    static final String WINDOW_CLOSED = DeliveryFailures.WINDOW_CLOSED;
    static final String BAD_CREDENTIALS = DeliveryFailures.BAD_CREDENTIALS;
    static final String BLOCKED = DeliveryFailures.BLOCKED;
    static final String REJECTED = DeliveryFailures.REJECTED;
    static final String UNREACHABLE = DeliveryFailures.UNREACHABLE;

    private static final Set<Integer> WINDOW_CODES = Set.of(10, 131047);
    private static final Set<Integer> BLOCKED_CODES = Set.of(551, 131050);

    private GraphErrors() {}

    /**
     * @param httpStatus the answer's status (4xx here; 5xx is {@link #unreachable})
     * @param code Graph's {@code error.code}, 0 when absent
     * @param subcode Graph's {@code error.error_subcode}, 0 when absent
     * @param message Graph's {@code error.message}
     */
    static DeliveryFailure classify(int httpStatus, int code, int subcode, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (WINDOW_CODES.contains(code) || subcode == 2018278 || lower.contains("outside of allowed window")) {
            return new DeliveryFailure(
                    WINDOW_CLOSED,
                    "The customer's 24-hour messaging window has closed: the customer must write first (" + message
                            + ")",
                    true);
        }
        if (code == 190) {
            return DeliveryFailures.badCredentials();
        }
        if (BLOCKED_CODES.contains(code) || subcode == 1545041) {
            return new DeliveryFailure(BLOCKED, "The customer is not accepting messages from this account", true);
        }
        if (httpStatus >= 500) {
            return unreachable(message);
        }
        return DeliveryFailures.rejected(message);
    }

    static DeliveryFailure unreachable(String detail) {
        return DeliveryFailures.unreachable(detail);
    }
}
