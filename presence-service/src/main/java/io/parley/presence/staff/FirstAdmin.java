package io.parley.presence.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A suite without any admin gets one at start: username {@code admin}, with the password from
 * {@code parley.presence.first-admin-password}, or else a random one printed once, here and never again.
 */
@Component
@Order(100)
public class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final @Nullable String configuredPassword;

    public FirstAdmin(
            StaffAccounts accounts,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${parley.presence.first-admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.configuredPassword = configuredPassword.isBlank() ? null : configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyWithRole(Role.ADMIN)) {
            return;
        }
        String password = configuredPassword != null ? configuredPassword : generated();
        accounts.save(new StaffAccount(
                "staff-admin",
                "admin",
                "Administrator",
                null,
                Set.of(Role.ADMIN),
                passwords.encode(password),
                0,
                clock.instant()));
        if (configuredPassword == null) {
            // Printed once, on purpose: it is the only way to learn the generated password.
            log.warn("Created the first admin: username 'admin', password '{}'. Change it after logging in.", password);
        } else {
            log.info("Created the first admin 'admin' with the configured password.");
        }
    }

    private static String generated() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
