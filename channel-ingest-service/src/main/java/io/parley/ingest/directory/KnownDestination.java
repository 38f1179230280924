package io.parley.ingest.directory;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/** A destination's members and whether it serves direct (Staff Directory) enquiries; removed ones are tombstones. */
public record KnownDestination(
        @BsonId String id,
        List<String> memberStaffIds,
        boolean servesDirectEnquiries,
        boolean removed,
        Instant updatedAt) {

    public KnownDestination {
        memberStaffIds = List.copyOf(memberStaffIds);
    }
}
