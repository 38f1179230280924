package io.parley.events.routing;

import io.parley.events.EventType;
import io.parley.events.Lists;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The current snapshot of a destination: who its members are and what it serves.
 *
 * @param servesDirectEnquiries whether Staff Directory enquiries to its members are routed through it
 * @param maxWait how long its enquiries wait for an accept (60 s by default)
 */
@EventType("routing.destination-published")
public record DestinationPublished(
        String destinationId,
        String name,
        List<String> memberStaffIds,
        List<String> tagIds,
        List<String> channelAccountIds,
        boolean servesDirectEnquiries,
        DistributionMethod distribution,
        Duration maxWait,
        Instant updatedAt)
        implements DestinationEvent {

    public DestinationPublished {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(maxWait, "maxWait");
        memberStaffIds = Lists.copyOrEmpty(memberStaffIds);
        tagIds = Lists.copyOrEmpty(tagIds);
        channelAccountIds = Lists.copyOrEmpty(channelAccountIds);
    }
}
