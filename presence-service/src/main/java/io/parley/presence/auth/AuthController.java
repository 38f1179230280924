package io.parley.presence.auth;

import io.parley.kit.web.Problem;
import io.parley.presence.PresenceSettings;
import io.parley.presence.staff.Role;
import io.parley.presence.staff.StaffAccount;
import io.parley.presence.staff.StaffAccounts;
import io.parley.security.StaffPrincipal;
import io.parley.security.StaffTokenSigner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/auth}: login answers a token and sets the session cookie; a wrong password and an unknown
 * username are answered alike and take the same BCrypt work, so neither the answer nor its timing tells
 * which usernames exist. Refresh re-issues a token for an open session; logout ends the session.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final LoginAttempts attempts;
    private final StaffSessions sessions;
    private final StaffTokenIssuer tokens;
    private final StaffTokenSigner signer;
    private final PresenceSettings settings;
    private final String unknownUserHash;

    AuthController(
            StaffAccounts accounts,
            PasswordEncoder passwords,
            LoginAttempts attempts,
            StaffSessions sessions,
            StaffTokenIssuer tokens,
            StaffTokenSigner signer,
            PresenceSettings settings) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.attempts = attempts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.signer = signer;
        this.settings = settings;
        this.unknownUserHash = passwords.encode("no such user: compare against something of the same cost");
    }

    record Credentials(@Nullable String username, @Nullable String password) {}

    record StaffSummary(String id, String name, List<Role> roles) {}

    record Login(String token, StaffSummary staff) {}

    @PostMapping("/login")
    ResponseEntity<Login> login(@RequestBody Credentials credentials) {
        String username = credentials.username() == null ? "" : credentials.username();
        String password = credentials.password() == null ? "" : credentials.password();
        if (attempts.blocked(username)) {
            throw new Problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "auth.too-many-attempts",
                    "Too many failed logins for this username; try again in a few minutes");
        }
        Optional<StaffAccount> account = accounts.byUsername(username.strip().toLowerCase(java.util.Locale.ROOT));
        boolean matches = passwords.matches(
                password, account.map(StaffAccount::passwordHash).orElse(unknownUserHash));
        if (account.isEmpty() || !matches) {
            attempts.failed(username);
            throw new Problem(HttpStatus.UNAUTHORIZED, "auth.invalid-credentials", "Wrong username or password");
        }
        attempts.succeeded(username);
        return withToken(account.get(), sessions.open(account.get().id()));
    }

    @PostMapping("/refresh")
    ResponseEntity<Login> refresh(StaffPrincipal staff) {
        StaffAccount account = accounts.byId(staff.staffId())
                .orElseThrow(() -> new Problem(
                        HttpStatus.UNAUTHORIZED, "auth.session-ended", "This staff account no longer exists"));
        return withToken(account, staff.sessionId());
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(StaffPrincipal staff) {
        sessions.end(staff.sessionId(), staff.staffId());
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.cleared(settings).toString())
                .build();
    }

    /** The public key set; the private key is never served. */
    @GetMapping(value = "/jwks", produces = "application/json")
    Map<String, Object> jwks() {
        return Map.of("keys", List.of(signer.publicKey().toJSONObject()));
    }

    private ResponseEntity<Login> withToken(StaffAccount account, String sessionId) {
        String token = tokens.issue(account, sessionId);
        var staff = new StaffSummary(
                account.id(), account.name(), account.roles().stream().sorted().toList());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.SET_COOKIE,
                        SessionCookie.carrying(token, settings).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Login(token, staff));
    }
}
