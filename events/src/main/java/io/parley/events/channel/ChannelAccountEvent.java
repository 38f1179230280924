package io.parley.events.channel;

/**
 * Topic {@code channel.account.v1} (compacted, keyed by channel account id): the public part of each
 * channel account. Secrets never travel here.
 */
public sealed interface ChannelAccountEvent permits ChannelAccountPublished, ChannelAccountRemoved {}
