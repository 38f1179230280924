package io.parley.ingest.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Message-IDs as this channel keeps them: bare, without the angle brackets of the header ({@code
 * abc@example.com}), so the id of a header, of a References list and of our own sent mail compare equal.
 */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");
    private static final int MAX_LENGTH = 500;

    private MessageIds() {}

    /** The one id of a {@code Message-ID} header, or null when there is none worth keeping. */
    static @Nullable String bare(@Nullable String header) {
        List<String> ids = all(header);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    /** Every id of a {@code References} or {@code In-Reply-To} header, in order, each once. */
    static List<String> all(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        Matcher matcher = BRACKETED.matcher(header);
        while (matcher.find()) {
            add(ids, matcher.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : header.trim().split("\\s+")) {
                if (token.indexOf('@') > 0) {
                    add(ids, token);
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** The header form of a bare id. */
    static String bracketed(String bare) {
        return "<" + bare + ">";
    }

    private static void add(LinkedHashSet<String> ids, String id) {
        if (!id.isEmpty() && id.length() <= MAX_LENGTH) {
            ids.add(id);
        }
    }
}
