package io.parley.ingest.simulator;

import io.parley.ingest.account.ChannelAccount;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The demo email account's mail server as the simulator uses it: the support address, and the SMTP and IMAP
 * ports of the demo mail server, read from the account's settings as the demo data writes them. Only a server
 * on the loopback without TLS (the launcher's local GreenMail) counts: an account pointed at any other server
 * is not the demo mailbox, so the simulator never sends mail to, nor logs into, a real one.
 */
record DemoMailbox(String address, String smtpHost, int smtpPort, String imapHost, int imapPort) {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    static Optional<DemoMailbox> of(ChannelAccount account) {
        var settings = account.settings();
        String address = settings.getOrDefault("address", "").strip();
        String smtpHost = settings.getOrDefault("smtpHost", "").strip();
        String imapHost = settings.getOrDefault("imapHost", "").strip();
        Integer smtpPort = port(settings.get("smtpPort"));
        Integer imapPort = port(settings.get("imapPort"));
        boolean plainLocal = LOOPBACK.contains(smtpHost)
                && LOOPBACK.contains(imapHost)
                && "false".equals(settings.get("smtpTls"))
                && "false".equals(settings.get("imapTls"));
        if (!plainLocal || address.indexOf('@') <= 0 || smtpPort == null || imapPort == null) {
            return Optional.empty();
        }
        return Optional.of(new DemoMailbox(address, smtpHost, smtpPort, imapHost, imapPort));
    }

    private static @Nullable Integer port(@Nullable String value) {
        try {
            int port = value == null ? 0 : Integer.parseInt(value.strip());
            return port >= 1 && port <= 65535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
