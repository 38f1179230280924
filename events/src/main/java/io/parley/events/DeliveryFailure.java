package io.parley.events;

import java.util.Objects;

/**
 * Why a message could not be delivered, for the agent to see beside it.
 *
 * @param code a stable machine-readable reason, e.g. {@code window-closed}, {@code blocked},
 *     {@code bad-credentials}, {@code rejected}, {@code unreachable}
 * @param reason a human-readable explanation
 * @param actionRequired true when a person must act (re-engage the customer, fix credentials); false when
 *     retrying later may succeed
 */
public record DeliveryFailure(String code, String reason, boolean actionRequired) {

    public DeliveryFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
