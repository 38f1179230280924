package io.parley.presence.staff;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A staff account as the admin API shows it: everything but the password hash. */
public record StaffView(
        String id,
        String username,
        String name,
        @Nullable String photoUrl,
        List<Role> roles,
        int maxConcurrentChats,
        Instant createdAt) {

    static StaffView of(StaffAccount account) {
        return new StaffView(
                account.id(),
                account.username(),
                account.name(),
                account.photoUrl(),
                account.roles().stream().sorted().toList(),
                account.maxConcurrentChats(),
                account.createdAt());
    }
}
