package io.parley.presence.staff;

import io.parley.kit.web.Problem;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a staff account must look like: a username of letters, digits, dots, dashes and underscores; a name;
 * a password of at least {@value #MIN_PASSWORD} characters; at least one of the roles ADMIN, SUPERVISOR and
 * STAFF; between 1 and {@value #MAX_CHATS} concurrent chats; a photo only from an http(s) URL.
 */
final class StaffRules {

    static final int MIN_PASSWORD = 10;
    static final int MAX_CHATS = 50;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,64}");

    private StaffRules() {}

    static String username(@Nullable String username) {
        String normalised = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(normalised).matches()) {
            throw Problem.badRequest(
                    "staff.invalid-username", "A username is 1 to 64 letters, digits, dots, dashes or underscores");
        }
        return normalised;
    }

    static String name(@Nullable String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw Problem.badRequest("staff.invalid-name", "A name is 1 to 100 characters");
        }
        return name.strip();
    }

    static String password(@Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw Problem.badRequest(
                    "staff.weak-password", "A password needs at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 72) {
            // BCrypt reads only the first 72 bytes; longer passwords would be silently truncated.
            throw Problem.badRequest("staff.weak-password", "A password has at most 72 characters");
        }
        return password;
    }

    static Set<Role> roles(@Nullable List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw Problem.badRequest("staff.invalid-roles", "A staff member needs at least one role");
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String role : roles) {
            try {
                parsed.add(Role.valueOf(String.valueOf(role).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("staff.invalid-roles", "Roles are ADMIN, SUPERVISOR and STAFF");
            }
        }
        return parsed;
    }

    static int maxConcurrentChats(@Nullable Integer max) {
        if (max == null || max < 1 || max > MAX_CHATS) {
            throw Problem.badRequest(
                    "staff.invalid-max-concurrent-chats", "Concurrent chats are between 1 and " + MAX_CHATS);
        }
        return max;
    }

    static @Nullable String photoUrl(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw Problem.badRequest("staff.invalid-photo-url", "A photo is an http or https URL");
    }
}
