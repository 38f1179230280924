package io.parley.ingest.meta;

import io.parley.events.DeliveryFailure;

/** Failures decided before calling the platform. */
final class Outcomes {

    private Outcomes() {}

    static DeliveryFailure noToken() {
        return new DeliveryFailure(
                GraphErrors.BAD_CREDENTIALS, "The channel account has no access token: an admin must set it", true);
    }

    static DeliveryFailure textOnly() {
        return new DeliveryFailure("unsupported-content", "Only text can be sent on this channel for now", false);
    }
}
