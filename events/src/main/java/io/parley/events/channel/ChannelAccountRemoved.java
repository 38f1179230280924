package io.parley.events.channel;

import io.parley.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** A channel account was deleted; its conversations keep their history. */
@EventType("channel.account-removed")
public record ChannelAccountRemoved(String accountId, Instant removedAt) implements ChannelAccountEvent {

    public ChannelAccountRemoved {
        Objects.requireNonNull(accountId, "accountId");
    }
}
