package io.parley.events.routing;

/** How a destination hands out its enquiries. Only SIMULTANEOUS is implemented so far. */
public enum DistributionMethod {
    /** Offered to every eligible member at once; the first to accept wins. */
    SIMULTANEOUS,
    /** Offered to one member at a time, in turn. */
    ROUND_ROBIN,
    /** Offered to the member who has waited longest without a chat. */
    MOST_IDLE
}
