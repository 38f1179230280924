package io.parley.events.channel;

/** Topic {@code channel.outbound-message.v1}: messages to deliver to a customer's channel, keyed by conversation. */
public sealed interface OutboundMessageEvent permits OutboundMessageRequested {}
