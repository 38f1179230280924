package io.parley.presence.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A staff member who can log in. The password is kept only as a slow (BCrypt) hash.
 *
 * @param maxConcurrentChats a staff member at this many live chats is offered no more
 */
public record StaffAccount(
        @BsonId String id,
        String username,
        String name,
        @Nullable String photoUrl,
        Set<Role> roles,
        String passwordHash,
        int maxConcurrentChats,
        Instant createdAt) {

    public StaffAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }
}
