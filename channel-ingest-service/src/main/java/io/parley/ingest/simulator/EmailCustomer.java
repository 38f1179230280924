package io.parley.ingest.simulator;

import io.parley.ingest.account.ChannelAccount;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A customer's email, sent as their mail client would: over SMTP, without logging in, to the demo mailbox's
 * address through the demo mail server, from {@code <name> <their simulated address>}, with a subject (the one
 * given, else the Re: of the last mail they received, else the first words of the text) and, when they have
 * received a mail, {@code In-Reply-To} and {@code References} of it, so it threads. The answer is the SMTP
 * server's: its reply code to the message (250 when it took it), or 0 when it could not be reached.
 */
@Component
class EmailCustomer {

    static final int MAX_SUBJECT = 200;
    private static final int SUBJECT_WORDS = 60;
    private static final int MAX_DETAIL = 300;

    private final CustomerMailboxes mailboxes;

    EmailCustomer(CustomerMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    OwnWebhooks.Answer send(
            ChannelAccount account, SimulatedCustomer customer, @Nullable String subject, String text, Instant at) {
        DemoMailbox server = DemoMailbox.of(account)
                .orElseThrow(() -> new IllegalStateException("Not the demo mailbox: " + account.id()));
        mailboxes.wroteAs(customer.id());
        Optional<CustomerMailboxes.Received> last = mailboxes.collect(account, customer.id(), true);
        Session session = Session.getInstance(properties());
        try {
            String messageId = "<" + UUID.randomUUID() + "@" + SimulatedCustomer.EMAIL_DOMAIN + ">";
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(customer.id(), customer.name(), StandardCharsets.UTF_8.name()));
            mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(server.address(), true));
            mail.setSubject(subject(subject, last, text), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(at));
            mail.setText(text, StandardCharsets.UTF_8.name());
            if (last.isPresent()) {
                CustomerMailboxes.Received parent = last.get();
                mail.setHeader("In-Reply-To", parent.messageId());
                mail.setHeader(
                        "References",
                        parent.references() == null
                                ? parent.messageId()
                                : parent.references().strip() + " " + parent.messageId());
            }
            mail.saveChanges();
            return deliver(session, server, mail);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new OwnWebhooks.Answer(0, null, shortened("The email could not be written: " + e.getMessage()));
        }
    }

    private static OwnWebhooks.Answer deliver(Session session, DemoMailbox server, MimeMessage mail)
            throws MessagingException {
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            try {
                transport.connect(server.smtpHost(), server.smtpPort(), null, null);
            } catch (MessagingException e) {
                return new OwnWebhooks.Answer(
                        0, null, "Not reachable: " + e.getClass().getSimpleName());
            }
            try {
                transport.sendMessage(mail, new Address[] {new InternetAddress(server.address())});
                return new OwnWebhooks.Answer(transport.getLastReturnCode(), null, null);
            } catch (SendFailedException e) {
                int code = transport.getLastReturnCode();
                return new OwnWebhooks.Answer(
                        code > 0 ? code : 554, null, shortened(transport.getLastServerResponse()));
            }
        }
    }

    /** The subject given; else the one of the mail they answer; else the text's first words. */
    static String subject(@Nullable String given, Optional<CustomerMailboxes.Received> answered, String text) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        if (answered.isPresent() && !answered.get().subject().isBlank()) {
            String subject = answered.get().subject().strip();
            return subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
        }
        String words = text.strip().replaceAll("\\s+", " ");
        if (words.length() <= SUBJECT_WORDS) {
            return words;
        }
        int cut = words.lastIndexOf(' ', SUBJECT_WORDS);
        return words.substring(0, cut > 0 ? cut : SUBJECT_WORDS) + "…";
    }

    private static Properties properties() {
        Properties properties = new Properties();
        String millis = Long.toString(CustomerMailboxes.TIMEOUT.toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.localhost", SimulatedCustomer.EMAIL_DOMAIN);
        return properties;
    }

    private static @Nullable String shortened(@Nullable String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }
}
