package io.parley.events.channel;

/** Topic {@code channel.delivery-status.v1}: sent / delivered / read / failed per outbound message. */
public sealed interface DeliveryStatusEvent permits DeliveryStatusChanged {}
