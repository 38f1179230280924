package io.parley.ingest.email;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One email as the channel understands it: who sent it, where it belongs in its thread, its text (plain, or
 * taken from its HTML) and its files.
 *
 * @param messageId the bare Message-ID, if the mail has one
 * @param fromAddress the sender's address, if any
 * @param fromName the sender's display name from the From header, if any
 * @param replyTo where a reply goes (Reply-To, else From)
 * @param references the ids of the thread this mail answers: References, then In-Reply-To, oldest first
 * @param text the whole text of the body, quotes included
 * @param attachments the files, and the parts not kept with a reason
 */
record ParsedMail(
        @Nullable String messageId,
        @Nullable String fromAddress,
        @Nullable String fromName,
        @Nullable String replyTo,
        @Nullable String subject,
        List<String> references,
        @Nullable Instant sentAt,
        String text,
        List<Attachment> attachments) {

    /** A file of the mail; {@code bytes} is null when it was over the size limit and not read whole. */
    record Attachment(String mediaType, @Nullable String fileName, byte @Nullable [] bytes, long size) {}

    /** The sender's address in lower case: the customer's id on this channel. */
    @Nullable
    String senderKey() {
        return fromAddress == null ? null : fromAddress.toLowerCase(Locale.ROOT);
    }
}
