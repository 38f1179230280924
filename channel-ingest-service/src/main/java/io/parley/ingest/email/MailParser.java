package io.parley.ingest.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a whole MIME message into a {@link ParsedMail}, walking every part so that a malformed one fails here
 * ({@link MessagingException} or {@link IOException}) rather than later. The body text is the message's plain
 * text parts; where a part offers alternatives, plain text wins over HTML, and HTML alone is turned into text.
 * Every other part (a file, an inline image, a forwarded mail) is an attachment, read up to {@code maxBytes}.
 */
final class MailParser {

    private final long maxBytes;

    MailParser(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    ParsedMail parse(MimeMessage message) throws MessagingException, IOException {
        Body body = new Body();
        walk(message, body);
        InternetAddress from = first(message.getFrom());
        InternetAddress replyTo = first(message.getReplyTo());
        List<String> references = new ArrayList<>(MessageIds.all(message.getHeader("References", " ")));
        for (String id : MessageIds.all(message.getHeader("In-Reply-To", " "))) {
            if (!references.contains(id)) {
                references.add(id);
            }
        }
        return new ParsedMail(
                MessageIds.bare(message.getHeader("Message-ID", null)),
                from == null ? null : from.getAddress(),
                from == null ? null : personal(from),
                replyTo != null ? replyTo.getAddress() : from == null ? null : from.getAddress(),
                subject(message),
                references,
                message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                body.text(),
                body.attachments);
    }

    private void walk(Part part, Body body) throws MessagingException, IOException {
        if (part.isMimeType("multipart/alternative")) {
            Multipart alternatives = (Multipart) part.getContent();
            BodyPart chosen = null;
            for (int i = 0; i < alternatives.getCount(); i++) {
                BodyPart candidate = alternatives.getBodyPart(i);
                if (candidate.isMimeType("text/plain")) {
                    chosen = candidate;
                    break;
                }
                chosen = candidate;
            }
            if (chosen != null) {
                walk(chosen, body);
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                walk(parts.getBodyPart(i), body);
            }
        } else if (isBodyText(part, "text/plain")) {
            body.plain.add(text(part));
        } else if (isBodyText(part, "text/html")) {
            body.plain.add(HtmlText.of(text(part)));
        } else {
            body.attachments.add(attachment(part));
        }
    }

    private static boolean isBodyText(Part part, String type) throws MessagingException {
        return part.isMimeType(type)
                && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && part.getFileName() == null;
    }

    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException e) {
            // An unknown charset: read the bytes as UTF-8 rather than lose the customer's words.
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ParsedMail.Attachment attachment(Part part) throws MessagingException, IOException {
        String mediaType = mediaType(part);
        String fileName = fileName(part, mediaType);
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                long size = bytes.length + in.transferTo(OutputStream.nullOutputStream());
                return new ParsedMail.Attachment(mediaType, fileName, null, size);
            }
            return new ParsedMail.Attachment(mediaType, fileName, bytes, bytes.length);
        }
    }

    private static String mediaType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static @Nullable String fileName(Part part, String mediaType) throws MessagingException {
        String name = part.getFileName();
        if (name != null) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                // keep it as written
            }
            // Only the last path segment: a name is shown and offered for download, never used as a path.
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                    .strip();
            return name.isEmpty() ? null : name;
        }
        return mediaType.equals("message/rfc822") ? "forwarded.eml" : null;
    }

    private static @Nullable String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null || subject.isBlank() ? null : subject.strip();
    }

    private static @Nullable InternetAddress first(Address @Nullable [] addresses) {
        if (addresses == null) {
            return null;
        }
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                return internet;
            }
        }
        return null;
    }

    private static @Nullable String personal(InternetAddress address) {
        String personal = address.getPersonal();
        return personal == null || personal.isBlank() ? null : personal.strip();
    }

    /** What the walk collects. */
    private static final class Body {

        final List<String> plain = new ArrayList<>();
        final List<ParsedMail.Attachment> attachments = new ArrayList<>();

        String text() {
            return String.join(
                    "\n\n",
                    plain.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
    }
}
