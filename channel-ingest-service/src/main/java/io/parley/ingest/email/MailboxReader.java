package io.parley.ingest.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.ingest.email.MailboxPositions.Position;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one account's INBOX in its own thread: every message past the saved position, in UID order, is taken
 * by {@link IncomingMail}; only then is it flagged {@code \Seen} and the position moved past it (a malformed
 * one is left unseen for a person to look at, and passed). Then it waits for new mail with IMAP IDLE where the
 * server offers it — renewed every {@code idleRenewal} — or polls every {@code pollEvery}. A failure (the server
 * away, Kafka unavailable) closes the connection and starts again after a doubling pause.
 */
final class MailboxReader {

    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

    private final EmailAccount account;
    private final EmailSettings settings;
    private final IncomingMail incoming;
    private final MailboxPositions positions;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ScheduledExecutorService renewals;
    private volatile boolean running;
    private volatile boolean idling;
    private volatile @Nullable Store store;
    private @Nullable Thread thread;

    MailboxReader(
            EmailAccount account,
            EmailSettings settings,
            IncomingMail incoming,
            MailboxPositions positions,
            MeterRegistry meters,
            Clock clock) {
        this.account = account;
        this.settings = settings;
        this.incoming = incoming;
        this.positions = positions;
        this.meters = meters;
        this.clock = clock;
        this.renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon()
                .name("email-idle-renewal-" + account.accountId())
                .factory());
    }

    EmailAccount account() {
        return account;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform()
                .daemon()
                .name("email-" + account.accountId())
                .start(this::run);
    }

    /** Stops reading: the connection is closed (ending an IDLE) and the thread is waited for. */
    void stop() {
        running = false;
        closeQuietly(store);
        renewals.shutdownNow();
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(settings.timeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration pause = settings.retryAfter();
        while (running) {
            try {
                connectAndRead();
                pause = settings.retryAfter();
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn(
                        "Mailbox of email account {} failed, again in {} ms: {}",
                        account.accountId(),
                        pause.toMillis(),
                        e.toString());
                meters.counter("parley.email.mailbox.failures", "account", account.accountId())
                        .increment();
                sleep(pause);
                Duration longest = settings.retryAfter().multipliedBy(64);
                pause = pause.multipliedBy(2).compareTo(longest) > 0 ? longest : pause.multipliedBy(2);
            }
        }
    }

    private void connectAndRead() throws MessagingException {
        Session session = Session.getInstance(
                account.imapProperties(settings.idleRenewal().plus(settings.timeout())));
        Store connected = session.getStore(account.imapProtocol());
        store = connected;
        try {
            connected.connect(account.imapHost(), account.imapPort(), account.username(), account.password());
            IMAPFolder inbox = (IMAPFolder) connected.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            boolean idle = settings.idle() && ((IMAPStore) connected).hasCapability("IDLE");
            log.info(
                    "Reading the mailbox of email account {} ({})",
                    account.accountId(),
                    idle ? "IDLE" : "polling every " + settings.pollEvery().toMillis() + " ms");
            if (idle) {
                inbox.addMessageCountListener(new MessageCountAdapter() {
                    @Override
                    public void messagesAdded(MessageCountEvent event) {
                        // New mail announced as the IDLE began: end it, so the mail is read now.
                        if (idling) {
                            renew(inbox);
                        }
                    }
                });
            }
            while (running) {
                int known = readNew(inbox);
                if (!idle) {
                    sleep(settings.pollEvery());
                } else if (inbox.getMessageCount() == known) {
                    idleOnce(inbox);
                }
            }
        } finally {
            closeQuietly(connected);
        }
    }

    /** Takes every message past the position; returns how many messages the mailbox had when it looked. */
    private int readNew(IMAPFolder inbox) throws MessagingException {
        int known = inbox.getMessageCount();
        long validity = inbox.getUIDValidity();
        Position saved = positions.of(account.accountId()).orElse(null);
        Position position = saved != null && saved.uidValidity() == validity ? saved : new Position(validity, 0);
        if (saved != null && saved.uidValidity() != validity) {
            log.warn(
                    "The mailbox of email account {} has a new UIDVALIDITY: read again from its start"
                            + " (mail already published is recognised by its Message-ID)",
                    account.accountId());
        }
        Message[] messages = inbox.getMessagesByUID(position.lastUid() + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        inbox.fetch(messages, profile);
        for (Message message : messages) {
            if (!running) {
                return known;
            }
            long uid = inbox.getUID(message);
            if (uid <= position.lastUid()) {
                continue; // "UID n:*" always answers the last message, even below n
            }
            IncomingMail.Outcome outcome = incoming.take(account, raw(message), fallbackId(validity, uid));
            meters.counter(
                            "parley.email.messages",
                            "account",
                            account.accountId(),
                            "outcome",
                            outcome.name().toLowerCase(Locale.ROOT))
                    .increment();
            if (outcome != IncomingMail.Outcome.MALFORMED) {
                message.setFlag(Flags.Flag.SEEN, true);
            }
            position = new Position(validity, uid);
            positions.save(account.accountId(), position, clock.instant());
        }
        return known;
    }

    /** Waits for the server to announce a change, at most {@code idleRenewal}. */
    private void idleOnce(IMAPFolder inbox) throws MessagingException {
        ScheduledFuture<?> renewal =
                renewals.schedule(() -> renew(inbox), settings.idleRenewal().toMillis(), TimeUnit.MILLISECONDS);
        idling = true;
        try {
            inbox.idle(true);
        } finally {
            idling = false;
            renewal.cancel(false);
        }
    }

    /** Ends an IDLE from another thread: any command on the folder does. */
    private void renew(IMAPFolder inbox) {
        try {
            inbox.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            log.debug("Ending IDLE of email account {}: {}", account.accountId(), e.toString());
        }
    }

    /** The whole message as sent, or its headers and a note when it is over the size limit. */
    private byte[] raw(Message message) throws MessagingException {
        long limit = settings.maxMessageSize().toBytes();
        try {
            int size = message.getSize();
            if (size > limit) {
                return headersOnly(message, size, limit);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Reading a message failed", e);
        }
    }

    private static byte[] headersOnly(Message message, int size, long limit) throws MessagingException {
        StringBuilder text = new StringBuilder();
        if (message instanceof jakarta.mail.internet.MimeMessage mime) {
            for (String line : Collections.list(mime.getAllHeaderLines())) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("content-")) {
                    text.append(line).append("\r\n");
                }
            }
        }
        text.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                .append(String.format(
                        Locale.ROOT,
                        "[This email of %.1f MB is over the limit of %.1f MB: read it in the mailbox]\r\n",
                        size / 1048576.0,
                        limit / 1048576.0));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String fallbackId(long validity, long uid) {
        return "uid-" + validity + "-" + uid + "@" + account.accountId();
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            // stop() wakes the thread: the loop sees running is false
        }
    }

    private static void closeQuietly(@Nullable Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing a mailbox: {}", e.toString());
            }
        }
    }
}
