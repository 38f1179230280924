package io.parley.events.routing;

/** Topic {@code routing.timeout.v1} (keyed by enquiry id): an enquiry's waiting time ran out. */
public sealed interface RoutingTimeoutEvent permits EnquiryWaitExpired {}
