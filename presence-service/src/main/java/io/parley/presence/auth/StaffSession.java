package io.parley.presence.auth;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/** A login of a staff member: its tokens (refreshed or not) are good until it ends. */
public record StaffSession(
        @BsonId String id,
        String staffId,
        Instant startedAt,
        @Nullable Instant endedAt) {}
