package io.parley.ingest.email;

import io.parley.events.Channel;
import io.parley.events.DeliveryFailure;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.outbound.ChannelSender;
import io.parley.ingest.outbound.DeliveryFailures;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends staff replies (and the auto-acknowledgement) as email over the account's SMTP server, from the
 * channel's address to the customer's latest mail of the conversation (its Reply-To, else its From), in its
 * thread: {@code In-Reply-To} that mail, {@code References} its references and it, subject {@code Re: <its
 * subject>} (never {@code Re: Re:}). Our Message-ID is derived from the outbound message id, so it is the same
 * however often the request comes, and is the platform message id a bounce is matched by. The
 * auto-acknowledgement carries {@code Auto-Submitted: auto-replied} (RFC 3834), so other machines do not answer
 * it. A refusal carries the SMTP server's reply.
 */
@Component
class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^\\s*(re|aw|sv)\\s*(\\[\\d+])?\\s*:", Pattern.CASE_INSENSITIVE);

    private final EmailThreads threads;
    private final EmailSettings settings;
    private final Clock clock;

    EmailSender(EmailThreads threads, EmailSettings settings, Clock clock) {
        this.threads = threads;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Outcome send(ChannelAccount channelAccount, OutboundMessageRequested message) {
        EmailAccount account;
        try {
            account = EmailAccount.of(channelAccount);
        } catch (EmailAccount.Misconfigured e) {
            return new Failed(DeliveryFailures.notConfigured(e.getMessage()));
        }
        String text = message.text();
        if (text == null || text.isBlank()) {
            return new Failed(DeliveryFailures.textOnly());
        }
        Optional<EmailThreads.LastMail> last = threads.last(message.conversationKey());
        String recipient = last.map(EmailThreads.LastMail::replyTo)
                .orElse(message.conversationKey().externalUserId());
        if (!EmailAccount.isAddress(recipient)) {
            return new Failed(new DeliveryFailure(
                    DeliveryFailures.REJECTED, "The customer has no email address to reply to", false));
        }
        Session session = Session.getInstance(account.smtpProperties(settings.timeout()));
        String messageId = messageId(account, message);
        try {
            MimeMessage mail = new OurMessage(session, MessageIds.bracketed(messageId));
            mail.setFrom(new InternetAddress(account.address(), account.name(), StandardCharsets.UTF_8.name()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
            mail.setSubject(subject(last.map(EmailThreads.LastMail::subject).orElse(null)), "UTF-8");
            mail.setSentDate(Date.from(clock.instant()));
            last.ifPresent(parent -> headers(mail, parent));
            if (message.purpose() != OutboundMessageRequested.Purpose.REPLY) {
                mail.setHeader("Auto-Submitted", "auto-replied");
            }
            mail.setText(text, "UTF-8");
            mail.saveChanges();
            try (Transport transport = session.getTransport(account.smtpProtocol())) {
                transport.connect(account.smtpHost(), account.smtpPort(), account.username(), account.password());
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            return new Sent(messageId);
        } catch (AuthenticationFailedException e) {
            return new Failed(new DeliveryFailure(
                    DeliveryFailures.BAD_CREDENTIALS,
                    "The mail server refused the account's user name or password: " + reply(e)
                            + "; an admin must fix them",
                    true));
        } catch (SendFailedException e) {
            return new Failed(refused(e));
        } catch (MessagingException | UnsupportedEncodingException e) {
            log.info("Sending email {} failed: {}", message.outboundMessageId(), e.toString());
            return new Failed(DeliveryFailures.unreachable(reply(e)));
        }
    }

    /** A refusal by the SMTP server: permanent (5xx) needs a person, temporary (4xx) may pass later. */
    private static DeliveryFailure refused(SendFailedException e) {
        int code = code(e);
        boolean permanent = code >= 500 || code == 0;
        return new DeliveryFailure(
                permanent ? DeliveryFailures.REJECTED : DeliveryFailures.UNREACHABLE,
                "The mail server refused the email: " + reply(e),
                permanent);
    }

    private static int code(MessagingException e) {
        for (Exception next = e;
                next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
            if (next instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
        }
        return 0;
    }

    /** The server's own words, innermost first, without our stack. */
    private static String reply(Exception e) {
        List<String> words = new java.util.ArrayList<>();
        for (Throwable next = e;
                next != null && words.size() < 4;
                next = next instanceof MessagingException m && m.getNextException() != null
                        ? m.getNextException()
                        : next.getCause()) {
            String text = next.getMessage();
            if (text != null && !text.isBlank() && !words.contains(text.strip())) {
                words.add(text.strip());
            }
        }
        String joined = words.stream().collect(Collectors.joining(" / "));
        return joined.isEmpty() ? e.getClass().getSimpleName() : joined;
    }

    private static void headers(MimeMessage mail, EmailThreads.LastMail parent) {
        try {
            mail.setHeader("In-Reply-To", MessageIds.bracketed(parent.messageId()));
            mail.setHeader(
                    "References",
                    parent.replyReferences().stream().map(MessageIds::bracketed).collect(Collectors.joining(" ")));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Re: <subject>}, once; a thread without a subject gets a plain one. */
    static String subject(@Nullable String original) {
        if (original == null || original.isBlank()) {
            return "Re: your message";
        }
        return REPLY_PREFIX.matcher(original).find() ? original.strip() : "Re: " + original.strip();
    }

    /** Ours, the same for every attempt at one outbound message. */
    static String messageId(EmailAccount account, OutboundMessageRequested message) {
        UUID id = UUID.nameUUIDFromBytes(message.outboundMessageId().getBytes(StandardCharsets.UTF_8));
        return "parley." + id + "@" + account.domain();
    }

    /** A message whose Message-ID is ours, not one the library makes up when it is saved. */
    private static final class OurMessage extends MimeMessage {

        private final String messageId;

        OurMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
