package io.parley.routing.destination;

import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DistributionMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A group of staff and what they serve: tags, channel accounts, and (if {@code servesDirectEnquiries})
 * Staff Directory enquiries to its members. Its enquiries wait {@code maxWaitSeconds} at most.
 */
public record Destination(
        @BsonId String id,
        String name,
        List<String> memberStaffIds,
        List<String> tagIds,
        List<String> channelAccountIds,
        boolean servesDirectEnquiries,
        DistributionMethod distribution,
        long maxWaitSeconds,
        Instant updatedAt) {

    public Destination {
        memberStaffIds = List.copyOf(memberStaffIds);
        tagIds = List.copyOf(tagIds);
        channelAccountIds = List.copyOf(channelAccountIds);
    }

    DestinationPublished snapshot() {
        return new DestinationPublished(
                id,
                name,
                memberStaffIds,
                tagIds,
                channelAccountIds,
                servesDirectEnquiries,
                distribution,
                Duration.ofSeconds(maxWaitSeconds),
                updatedAt);
    }
}
