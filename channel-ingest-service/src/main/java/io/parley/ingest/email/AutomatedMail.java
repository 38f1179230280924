package io.parley.ingest.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells mail written by a person from mail written by a machine, so that only the first opens an enquiry and
 * an auto-acknowledgement never answers another machine (RFC 3834): {@code Auto-Submitted} other than {@code
 * no}, {@code Precedence: bulk, junk or list}, the {@code X-Autoreply}/{@code X-Autorespond} markers, and our
 * own address as the sender are automated; a delivery report ({@code multipart/report}) or a mail from {@code
 * mailer-daemon} or {@code postmaster} is a bounce, whose failed recipients and original Message-IDs are read
 * so that our reply it returns can be marked failed.
 */
final class AutomatedMail {

    private static final Set<String> BULK = Set.of("bulk", "junk", "list");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");
    private static final int MAX_REASON = 500;

    private AutomatedMail() {}

    /** What kind of mail it is. */
    sealed interface Verdict permits Personal, Automated, Bounce {}

    /** Written by a person: it may open an enquiry. */
    record Personal() implements Verdict {}

    /** Written by a machine: kept out of enquiries, for the reason given. */
    record Automated(String reason) implements Verdict {}

    /**
     * A delivery report.
     *
     * @param failed whether it reports a failure (a delay warning does not)
     * @param originalIds the Message-IDs of the mail it returns
     * @param reason the report's status and the remote server's words
     */
    record Bounce(boolean failed, List<String> originalIds, String reason) implements Verdict {}

    static Verdict of(MimeMessage message, String ownAddress) throws MessagingException, IOException {
        String from = sender(message);
        if (message.isMimeType("multipart/report") || DAEMONS.contains(localPart(from))) {
            return bounce(message);
        }
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return new Automated("Auto-Submitted: " + autoSubmitted);
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && BULK.contains(precedence.toLowerCase(Locale.ROOT))) {
            return new Automated("Precedence: " + precedence);
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null) {
            return new Automated("an auto-reply header");
        }
        if (from.equalsIgnoreCase(ownAddress)) {
            return new Automated("sent from the channel's own address");
        }
        return new Personal();
    }

    private static Bounce bounce(MimeMessage message) throws MessagingException, IOException {
        Report report = new Report();
        report.ids.addAll(MessageIds.all(message.getHeader("In-Reply-To", " ")));
        report.ids.addAll(MessageIds.all(message.getHeader("References", " ")));
        read(message, report);
        boolean failed = report.actions.isEmpty() || report.actions.contains("failed");
        String reason = String.join("; ", report.reasons);
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "…";
        }
        return new Bounce(failed, List.copyOf(report.ids), reason.isEmpty() ? "no reason given" : reason);
    }

    private static void read(Part part, Report report) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                read(child, report);
            }
        } else if (part.isMimeType("message/delivery-status")) {
            statusFields(bytes(part), report);
        } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
            try (InputStream in = part.getInputStream()) {
                InternetHeaders headers = new InternetHeaders(in);
                String id = MessageIds.bare(headers.getHeader("Message-ID", null));
                if (id != null) {
                    report.ids.add(id);
                }
            }
        }
    }

    /** The per-recipient fields of a delivery status (RFC 3464): Action, Status, Diagnostic-Code. */
    private static void statusFields(String text, Report report) {
        String status = null;
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "action" -> report.actions.add(value.toLowerCase(Locale.ROOT));
                case "status" -> status = value;
                case "diagnostic-code" -> report.reasons.add((status == null ? "" : status + " ") + value);
                default -> {}
            }
        }
        if (report.reasons.isEmpty() && status != null) {
            report.reasons.add("status " + status);
        }
    }

    private static String bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static String sender(MimeMessage message) throws MessagingException {
        var from = message.getFrom();
        if (from != null
                && from.length > 0
                && from[0] instanceof InternetAddress address
                && address.getAddress() != null) {
            return address.getAddress();
        }
        return "";
    }

    private static String localPart(String address) {
        int at = address.indexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    private static @Nullable String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What a delivery report says, as it is read. */
    private static final class Report {

        final Set<String> ids = new LinkedHashSet<>();
        final Set<String> actions = new LinkedHashSet<>();
        final List<String> reasons = new ArrayList<>();
    }
}
