package io.parley.presence.auth;

import io.parley.presence.PresenceSettings;
import io.parley.presence.staff.StaffAccount;
import io.parley.security.StaffPrincipal;
import io.parley.security.StaffTokenSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Issues a staff token for a session: {@code sub} the staff id, {@code name}, {@code roles}, {@code sid},
 * living {@code parley.presence.token-ttl}. Roles and name are read from the account at each issue, so a
 * refresh picks up an admin's changes.
 */
@Component
class StaffTokenIssuer {

    private final StaffTokenSigner signer;
    private final PresenceSettings settings;
    private final Clock clock;

    StaffTokenIssuer(StaffTokenSigner signer, PresenceSettings settings, Clock clock) {
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
    }

    String issue(StaffAccount account, String sessionId) {
        Instant now = clock.instant();
        var principal = new StaffPrincipal(
                account.id(),
                account.name(),
                account.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                sessionId);
        return signer.sign(principal, now, now.plus(settings.tokenTtl()));
    }
}
