package io.parley.ingest.simulator;

import io.parley.ingest.account.ChannelAccount;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The simulated customers' own mailboxes on the demo mail server, read over IMAP as their mail client would:
 * the replies and the auto-acknowledgement that Parley sent them by SMTP land there, and each look copies the
 * mails it has not seen yet (by UID, at most {@value #MAX_PER_LOOK} a look) into the simulator's conversation.
 * The demo mail server (GreenMail) creates a recipient's mailbox on the first delivery, with the address as
 * both login and password; before that the login fails, which just means no mail yet. Only the mailboxes of
 * customers the simulator wrote as are read, each at most once every {@code MIN_GAP}.
 */
@Component
class CustomerMailboxes {

    static final int MAX_PER_LOOK = 20;
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MIN_GAP = Duration.ofMillis(500);
    private static final int MAX_SIZE = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(CustomerMailboxes.class);

    /** The last mail the customer received: what their next mail answers. */
    record Received(String messageId, @Nullable String references, String subject) {}

    /** What the simulator knows of one customer's mailbox. */
    private static final class Mailbox {
        long uidValidity = -1;
        long lastUid;

        @Nullable
        Received last;

        Instant lookedAt = Instant.EPOCH;
    }

    private final Transcripts transcripts;
    private final Clock clock;
    private final Bounded<String, Mailbox> mailboxes;

    CustomerMailboxes(Transcripts transcripts, SimulatorSettings settings, Clock clock) {
        this.transcripts = transcripts;
        this.clock = clock;
        this.mailboxes = new Bounded<>(Math.max(1, settings.maxConversations()), true);
    }

    /** The simulator wrote as this customer: from now on their mailbox is read. */
    void wroteAs(String address) {
        synchronized (mailboxes) {
            mailboxes.computeIfAbsent(address, key -> new Mailbox());
        }
    }

    /**
     * Copies the customer's new mails into the conversation (unless looked at a moment ago, or {@code now} is
     * false) and gives the last one they received.
     */
    Optional<Received> collect(ChannelAccount account, String address, boolean now) {
        Mailbox mailbox;
        synchronized (mailboxes) {
            mailbox = mailboxes.get(address);
        }
        Optional<DemoMailbox> server = DemoMailbox.of(account);
        if (mailbox == null || server.isEmpty()) {
            return Optional.empty();
        }
        synchronized (mailbox) {
            Instant at = clock.instant();
            if (now || !mailbox.lookedAt.plus(MIN_GAP).isAfter(at)) {
                mailbox.lookedAt = at;
                look(account, server.get(), address, mailbox);
            }
            return Optional.ofNullable(mailbox.last);
        }
    }

    private void look(ChannelAccount account, DemoMailbox server, String address, Mailbox mailbox) {
        Session session = Session.getInstance(properties());
        try (Store store = session.getStore("imap")) {
            store.connect(server.imapHost(), server.imapPort(), address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) inbox;
                if (uids.getUIDValidity() != mailbox.uidValidity) {
                    mailbox.uidValidity = uids.getUIDValidity();
                    mailbox.lastUid = 0;
                }
                // "n:*" names the last mail even when its UID is below n: keep only the new ones.
                Message[] found = uids.getMessagesByUID(mailbox.lastUid + 1, UIDFolder.LASTUID);
                Message[] recent = Arrays.copyOfRange(found, Math.max(0, found.length - MAX_PER_LOOK), found.length);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                inbox.fetch(recent, profile);
                for (Message message : recent) {
                    long uid = uids.getUID(message);
                    if (uid > mailbox.lastUid) {
                        mailbox.lastUid = uid;
                        copy(account.id(), address, (MimeMessage) message, mailbox);
                    }
                }
            } finally {
                inbox.close(false);
            }
        } catch (AuthenticationFailedException e) {
            // No mail has reached the customer yet, so the mail server has no mailbox for them.
        } catch (MessagingException | IOException e) {
            log.info("Reading the simulated customer's mailbox failed: {}", e.toString());
        }
    }

    private void copy(String accountId, String address, MimeMessage message, Mailbox mailbox)
            throws MessagingException, IOException {
        String messageId = message.getMessageID();
        String subject = message.getSubject();
        Instant sent = message.getSentDate() == null
                ? clock.instant()
                : message.getSentDate().toInstant();
        String bareId = messageId == null ? "" : messageId.strip().replaceAll("^<|>$", "");
        transcripts.businessSent(accountId, address, text(message), sent, bareId);
        if (messageId != null) {
            mailbox.last = new Received(
                    messageId.strip(), message.getHeader("References", " "), subject == null ? "" : subject);
        }
    }

    /** The mail's plain text, or a note when it has none the page can show. */
    private static String text(MimeMessage message) throws MessagingException, IOException {
        if (message.getSize() > MAX_SIZE) {
            return "(an email too large to show here)";
        }
        return plainText(message).orElse("(an email without plain text)");
    }

    /** The part's text if it is plain text, else its first plain text part. */
    private static Optional<String> plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && part.getContent() instanceof String text) {
            return Optional.of(text.strip());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                Optional<String> text = plainText(parts.getBodyPart(i));
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }

    private static Properties properties() {
        Properties properties = new Properties();
        String millis = Long.toString(TIMEOUT.toMillis());
        properties.put("mail.imap.connectiontimeout", millis);
        properties.put("mail.imap.timeout", millis);
        properties.put("mail.imap.writetimeout", millis);
        return properties;
    }
}
