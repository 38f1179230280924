package io.parley.presence.staff;

import io.parley.kit.web.Problem;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Admins manage staff accounts. The suite always keeps at least one ADMIN: the last one can neither be
 * deleted nor lose the role ({@code 409 staff.last-admin}).
 */
@Component
public class StaffAdministration {

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffAdministration(StaffAccounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** What an admin sends to create an account. */
    public record NewStaff(
            @Nullable String username,
            @Nullable String name,
            @Nullable String password,
            @Nullable String photoUrl,
            @Nullable List<String> roles,
            @Nullable Integer maxConcurrentChats) {}

    /** What an admin sends to change an account; the username and password stay. */
    public record StaffChanges(
            @Nullable String name,
            @Nullable String photoUrl,
            @Nullable List<String> roles,
            @Nullable Integer maxConcurrentChats) {}

    public StaffAccount create(NewStaff request) {
        String username = StaffRules.username(request.username());
        String name = StaffRules.name(request.name());
        String password = StaffRules.password(request.password());
        Set<Role> roles = StaffRules.roles(request.roles());
        int maxChats = StaffRules.maxConcurrentChats(request.maxConcurrentChats());
        String photoUrl = StaffRules.photoUrl(request.photoUrl());
        if (accounts.byUsername(username).isPresent()) {
            throw Problem.conflict("staff.username-taken", "Another staff member has that username");
        }
        return accounts.save(new StaffAccount(
                "staff-" + UUID.randomUUID(),
                username,
                name,
                photoUrl,
                roles,
                passwords.encode(password),
                maxChats,
                clock.instant()));
    }

    public StaffAccount get(String id) {
        return accounts.byId(id).orElseThrow(StaffAdministration::notFound);
    }

    public StaffAccount update(String id, StaffChanges changes) {
        StaffAccount account = get(id);
        String name = StaffRules.name(changes.name());
        String photoUrl = StaffRules.photoUrl(changes.photoUrl());
        Set<Role> roles = StaffRules.roles(changes.roles());
        int maxChats = StaffRules.maxConcurrentChats(changes.maxConcurrentChats());
        if (account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            requireAnotherAdmin();
        }
        return accounts.save(new StaffAccount(
                account.id(),
                account.username(),
                name,
                photoUrl,
                roles,
                account.passwordHash(),
                maxChats,
                account.createdAt()));
    }

    public void setPassword(String id, @Nullable String password) {
        StaffAccount account = get(id);
        String checked = StaffRules.password(password);
        accounts.save(new StaffAccount(
                account.id(),
                account.username(),
                account.name(),
                account.photoUrl(),
                account.roles(),
                passwords.encode(checked),
                account.maxConcurrentChats(),
                account.createdAt()));
    }

    public void delete(String id) {
        StaffAccount account = get(id);
        if (account.roles().contains(Role.ADMIN)) {
            requireAnotherAdmin();
        }
        accounts.delete(id);
    }

    private void requireAnotherAdmin() {
        if (accounts.countWithRole(Role.ADMIN) <= 1) {
            throw Problem.conflict("staff.last-admin", "The last admin cannot be removed or lose the ADMIN role");
        }
    }

    static Problem notFound() {
        return Problem.notFound("staff.not-found", "No such staff member");
    }
}
