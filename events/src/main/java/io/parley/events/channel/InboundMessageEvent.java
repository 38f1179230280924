package io.parley.events.channel;

/** Topic {@code channel.inbound-message.v1}: every verified inbound message, normalised, keyed by conversation. */
public sealed interface InboundMessageEvent permits InboundMessageReceived {}
