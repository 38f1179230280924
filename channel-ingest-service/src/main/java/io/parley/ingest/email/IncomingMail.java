package io.parley.ingest.email;

import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EntryPoint;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.connector.InboundMessages;
import io.parley.ingest.connector.SeenMessages;
import io.parley.ingest.media.MediaStore;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One email taken from a mailbox, whole, as bytes. A person's mail becomes an inbound message of its thread's
 * conversation: the text without quoted history and signature, the files kept in the {@link MediaStore}
 * (one over the size limit is dropped with a note in the text), and the original mail kept beside them as
 * {@code original.eml}. Its Message-ID is its platform message id and, with the account, its dedup id.
 * Automated mail opens nothing; a bounce reports our returned reply failed; a mail that cannot be parsed is
 * {@link Outcome#MALFORMED}.
 */
@Component
class IncomingMail {

    static final String ORIGINAL_FILE = "original.eml";
    private static final Logger log = LoggerFactory.getLogger(IncomingMail.class);

    /** What became of a mail. */
    enum Outcome {
        PUBLISHED,
        DUPLICATE,
        AUTOMATED,
        BOUNCE,
        MALFORMED
    }

    private final Session parsing = Session.getInstance(new Properties());
    private final EmailSettings settings;
    private final EmailThreads threads;
    private final Bounces bounces;
    private final MediaStore media;
    private final SeenMessages seen;
    private final InboundMessages inbound;
    private final Clock clock;

    IncomingMail(
            EmailSettings settings,
            EmailThreads threads,
            Bounces bounces,
            MediaStore media,
            SeenMessages seen,
            InboundMessages inbound,
            Clock clock) {
        this.settings = settings;
        this.threads = threads;
        this.bounces = bounces;
        this.media = media;
        this.seen = seen;
        this.inbound = inbound;
        this.clock = clock;
    }

    /**
     * Takes one mail of the account's mailbox; publishing failures (Kafka unavailable) are thrown, so the mail
     * stays unread and is taken again.
     *
     * @param fallbackId the id to use when the mail has no Message-ID (stable for this mail in this mailbox)
     */
    Outcome take(EmailAccount account, byte[] raw, String fallbackId) {
        AutomatedMail.Verdict verdict;
        ParsedMail mail = null;
        try {
            MimeMessage message = new MimeMessage(parsing, new ByteArrayInputStream(raw));
            verdict = AutomatedMail.of(message, account.address());
            if (verdict instanceof AutomatedMail.Personal) {
                mail = new MailParser(media.maxBytes()).parse(message);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn(
                    "Email {} of account {} is malformed and skipped: {}",
                    fallbackId,
                    account.accountId(),
                    e.toString());
            return Outcome.MALFORMED;
        }
        switch (verdict) {
            case AutomatedMail.Bounce bounce -> {
                bounces.report(account.accountId(), bounce);
                return Outcome.BOUNCE;
            }
            case AutomatedMail.Automated automated -> {
                log.info(
                        "Email {} of account {} is automated ({}): no enquiry",
                        fallbackId,
                        account.accountId(),
                        automated.reason());
                return Outcome.AUTOMATED;
            }
            case AutomatedMail.Personal personal -> {
                String sender = mail == null ? null : mail.senderKey();
                if (mail == null || sender == null || !EmailAccount.isAddress(sender)) {
                    log.warn("Email {} of account {} has no sender address: skipped", fallbackId, account.accountId());
                    return Outcome.MALFORMED;
                }
                return publish(account, mail, sender, raw, mail.messageId() != null ? mail.messageId() : fallbackId);
            }
        }
    }

    private Outcome publish(EmailAccount account, ParsedMail mail, String sender, byte[] raw, String messageId) {
        String dedupId = account.accountId() + ":" + messageId;
        if (seen.contains(Channel.EMAIL, dedupId)) {
            return Outcome.DUPLICATE;
        }
        ConversationKey conversation = threads.conversationOf(account.accountId(), mail.references())
                .orElseGet(() -> new ConversationKey(Channel.EMAIL, account.accountId(), sender));
        List<String> notes = new ArrayList<>();
        List<AttachmentRef> attachments = new ArrayList<>();
        for (ParsedMail.Attachment file : mail.attachments()) {
            if (file.bytes() == null) {
                notes.add("[The attachment " + (file.fileName() == null ? "without a name" : file.fileName())
                        + " (" + megabytes(file.size()) + ") was not kept: files over "
                        + megabytes(media.maxBytes()) + " are dropped]");
            } else {
                attachments.add(media.store(file.bytes(), file.mediaType(), file.fileName()));
            }
        }
        if (raw.length <= media.maxBytes()) {
            attachments.add(media.store(raw, "message/rfc822", ORIGINAL_FILE));
        }
        String replyTo = mail.replyTo() != null ? mail.replyTo() : sender;
        Instant now = clock.instant();
        threads.remember(conversation, messageId, mail, replyTo, now);
        boolean published = inbound.publishOnce(
                dedupId,
                new InboundMessageReceived(
                        conversation,
                        Channel.EMAIL,
                        account.accountId(),
                        new EntryPoint(EntryPoint.Type.CHANNEL, account.accountId(), account.name()),
                        null,
                        new Customer(sender, mail.fromName(), null, sender),
                        messageId,
                        text(mail, notes),
                        attachments,
                        mail.sentAt() != null ? mail.sentAt() : now,
                        now));
        return published ? Outcome.PUBLISHED : Outcome.DUPLICATE;
    }

    /** The text staff see: the new part of the mail (else its subject), then notes about dropped files. */
    private @Nullable String text(ParsedMail mail, List<String> notes) {
        String text = QuotedText.stripped(mail.text());
        if (text.isEmpty() && mail.subject() != null) {
            text = mail.subject();
        }
        if (text.length() > settings.maxTextLength()) {
            text = text.substring(0, settings.maxTextLength()) + "\n[… the rest is in " + ORIGINAL_FILE + "]";
        }
        List<String> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            parts.add(text);
        }
        parts.addAll(notes);
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
