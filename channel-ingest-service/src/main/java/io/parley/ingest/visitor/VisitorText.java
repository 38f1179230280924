package io.parley.ingest.visitor;

import io.parley.kit.web.Problem;
import org.jspecify.annotations.Nullable;

/** A visitor's message text: trimmed, 1 to 4,000 characters; anything else is refused before it reaches Kafka. */
public final class VisitorText {

    public static final int MAX_LENGTH = 4_000;

    private VisitorText() {}

    public static String check(@Nullable String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw Problem.badRequest("message.empty", "The message is empty");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw Problem.badRequest("message.too-long", "A message has at most " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }
}
