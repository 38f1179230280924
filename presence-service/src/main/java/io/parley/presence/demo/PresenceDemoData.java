package io.parley.presence.demo;

import io.parley.presence.staff.Role;
import io.parley.presence.staff.StaffAccount;
import io.parley.presence.staff.StaffAccounts;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo staff (API.md, Demo data), for local trials only: {@code admin}, {@code alice} and {@code bob}
 * with well-known passwords. Idempotent: an account that exists with its demo password is left as it is;
 * one with another password (say, a generated first admin) gets the demo password, so the printed demo
 * credentials always work.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("parley.demo")
class PresenceDemoData implements ApplicationRunner {

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    PresenceDemoData(StaffAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed("staff-admin", "admin", "Administrator", "parley-admin", Set.of(Role.ADMIN, Role.SUPERVISOR), 5);
        seed("staff-alice", "alice", "Alice", "parley-alice", Set.of(Role.STAFF), 5);
        seed("staff-bob", "bob", "Bob", "parley-bob", Set.of(Role.STAFF), 5);
    }

    private void seed(String id, String username, String name, String password, Set<Role> roles, int maxChats) {
        var existing = accounts.byUsername(username);
        if (existing.isPresent() && passwords.matches(password, existing.get().passwordHash())) {
            return;
        }
        accounts.save(new StaffAccount(
                existing.map(StaffAccount::id).orElse(id),
                username,
                name,
                null,
                roles,
                passwords.encode(password),
                maxChats,
                clock.instant()));
    }
}
