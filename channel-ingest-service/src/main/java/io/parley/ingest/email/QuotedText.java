package io.parley.ingest.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a customer newly wrote in an email, without the history their mail program quoted below it or their
 * signature. Our own rules, line by line: lines starting with {@code >} are quotes; the text ends at an
 * attribution line ("On … wrote:", also split over two lines, and its German, French and Spanish forms), at an
 * "-----Original Message-----" separator or a line of underscores (Outlook), and at the signature separator
 * {@code "-- "}. When nothing would be left, the text is kept as it was, so staff never see an empty message.
 */
final class QuotedText {

    private static final Pattern ATTRIBUTION_END =
            Pattern.compile(".*(wrote|schrieb|a écrit|escribió)\\s*:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^(on|am|le|el)\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{2,}\\s*(original message|ursprüngliche nachricht|message d'origine)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNDERSCORES = Pattern.compile("^_{10,}\\s*$");

    private QuotedText() {}

    /** The new part of {@code text}: quotes, quoted history and the signature removed. */
    static String stripped(String text) {
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (endsHere(line, trimmed, i + 1 < lines.size() ? lines.get(i + 1).strip() : null)) {
                break;
            }
            if (!trimmed.startsWith(">")) {
                kept.add(line.stripTrailing());
            }
        }
        String result = String.join("\n", kept).strip();
        return result.isEmpty() ? text.strip() : result;
    }

    private static boolean endsHere(String line, String trimmed, String next) {
        if (line.equals("-- ") || line.equals("--")) {
            return true;
        }
        if (ORIGINAL_MESSAGE.matcher(trimmed).matches()
                || UNDERSCORES.matcher(trimmed).matches()) {
            return true;
        }
        if (ATTRIBUTION_START.matcher(trimmed).matches()) {
            if (ATTRIBUTION_END.matcher(trimmed).matches()) {
                return true;
            }
            return next != null
                    && !next.isEmpty()
                    && ATTRIBUTION_END.matcher(next).matches()
                    && next.length() < 40;
        }
        return trimmed.toLowerCase(Locale.ROOT).startsWith("from:") && next != null && isHeaderBlock(next);
    }

    /** An Outlook-style quoted header block: "From: …" followed by "Sent: …" or "Date: …". */
    private static boolean isHeaderBlock(String next) {
        String lower = next.toLowerCase(Locale.ROOT);
        return lower.startsWith("sent:") || lower.startsWith("date:");
    }
}
