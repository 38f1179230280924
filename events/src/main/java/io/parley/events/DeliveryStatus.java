package io.parley.events;

/** The fate of a message sent to a channel, as far as the platform reports it. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    DELIVERED,
    READ,
    FAILED
}
