package io.parley.chatroom.staff;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/** chatroom-service's copy of a staff member's display name. */
public record StaffName(@BsonId String staffId, String name, Instant changedAt) {}
