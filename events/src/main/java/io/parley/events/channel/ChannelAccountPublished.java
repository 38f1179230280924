package io.parley.events.channel;

import io.parley.events.Channel;
import io.parley.events.EventType;
import io.parley.events.Lists;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The current public snapshot of a channel account: what staff see beside a chat from it.
 *
 * @param customInfo the enabled custom info fields, in the admin's order
 */
@EventType("channel.account-published")
public record ChannelAccountPublished(
        String accountId,
        Channel channel,
        String name,
        boolean enabled,
        List<CustomInfoField> customInfo,
        Instant updatedAt)
        implements ChannelAccountEvent {

    /** One labelled piece of custom info (description, services, branding, subscription type, …). */
    public record CustomInfoField(String label, String value) {

        public CustomInfoField {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    public ChannelAccountPublished {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(name, "name");
        customInfo = Lists.copyOrEmpty(customInfo);
    }
}
