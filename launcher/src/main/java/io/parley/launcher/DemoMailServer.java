package io.parley.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's local mail server (GreenMail, in memory), started only with {@code --demo}, so the email channel
 * works on a fresh machine: the support mailbox {@value #ADDRESS} that the demo email account reads over IMAP,
 * and an SMTP server that takes a customer's test mail for it — and the channel's replies, which land in the
 * customer's own mailbox there (login and password: the customer's address). It listens on 127.0.0.1 only.
 */
final class DemoMailServer implements AutoCloseable {

    static final String ADDRESS = "support@parley.localhost";
    static final String PASSWORD = "parley-mail";

    private final GreenMail mail;

    private DemoMailServer(GreenMail mail) {
        this.mail = mail;
    }

    static DemoMailServer start(int smtpPort, int imapPort) {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        try {
            mail.start();
        } catch (RuntimeException e) {
            mail.stop();
            throw new LaunchException(
                    "The demo mail server could not start on ports " + smtpPort + " and " + imapPort + ": "
                            + Suite.rootMessage(e),
                    e);
        }
        mail.setUser(ADDRESS, ADDRESS, PASSWORD);
        return new DemoMailServer(mail);
    }

    @Override
    public void close() {
        mail.stop();
    }

    @Override
    public String toString() {
        return "the demo mail server";
    }
}
