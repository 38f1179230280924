package io.parley.routing.offer;

import java.time.Duration;

/** What the router reports to operators. */
interface RoutingMetrics {

    RoutingMetrics NONE = new RoutingMetrics() {
        @Override
        public void waiting(int total, int withoutOffers) {}

        @Override
        public void expired(Duration lateness) {}
    };

    /** How many enquiries wait, and how many of them nobody eligible has been offered. */
    void waiting(int total, int withoutOffers);

    /** An enquiry's waiting time ran out; {@code lateness} is how long after its deadline we noticed. */
    void expired(Duration lateness);
}
