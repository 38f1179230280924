package io.parley.ingest.email;

import io.parley.ingest.account.ChannelAccount;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * An email channel account's mailbox as the connectors use it, read from the account's settings {@code
 * address}, {@code imapHost}, {@code imapPort}, {@code imapTls}, {@code smtpHost}, {@code smtpPort}, {@code
 * smtpTls}, optional {@code username} (the address when absent) and its secret {@code password}. TLS {@code
 * true} is implicit TLS on the protocol's TLS port (IMAP 993, SMTP 465) and STARTTLS, required, on any other
 * port; the server's certificate and host name are checked. {@code false} is plain text, for a mail server on
 * the same host only.
 */
record EmailAccount(
        String accountId,
        String name,
        String address,
        String imapHost,
        int imapPort,
        boolean imapTls,
        String smtpHost,
        int smtpPort,
        boolean smtpTls,
        String username,
        String password) {

    static final String ADDRESS = "address";
    static final String IMAP_HOST = "imapHost";
    static final String IMAP_PORT = "imapPort";
    static final String IMAP_TLS = "imapTls";
    static final String SMTP_HOST = "smtpHost";
    static final String SMTP_PORT = "smtpPort";
    static final String SMTP_TLS = "smtpTls";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    /** An account's settings that are missing or wrong: the mailbox cannot be used until an admin fixes them. */
    static final class Misconfigured extends Exception {

        private static final long serialVersionUID = 1L;

        Misconfigured(String message) {
            super(message);
        }
    }

    /** Reads the account's settings; the message of the exception names each bad one (never a secret's value). */
    static EmailAccount of(ChannelAccount account) throws Misconfigured {
        List<String> problems = new ArrayList<>();
        String address = required(account, ADDRESS, problems);
        if (!address.isEmpty() && !isAddress(address)) {
            problems.add(ADDRESS + " is not an email address");
        }
        String imapHost = required(account, IMAP_HOST, problems);
        int imapPort = port(account, IMAP_PORT, problems);
        boolean imapTls = flag(account, IMAP_TLS, problems);
        String smtpHost = required(account, SMTP_HOST, problems);
        int smtpPort = port(account, SMTP_PORT, problems);
        boolean smtpTls = flag(account, SMTP_TLS, problems);
        String username = account.settings().getOrDefault(USERNAME, "").trim();
        String password = account.secrets().getOrDefault(PASSWORD, "");
        if (password.isEmpty()) {
            problems.add("the secret " + PASSWORD + " is missing");
        }
        if (!problems.isEmpty()) {
            throw new Misconfigured("Email account " + account.id() + ": " + String.join("; ", problems));
        }
        return new EmailAccount(
                account.id(),
                account.name(),
                address,
                imapHost,
                imapPort,
                imapTls,
                smtpHost,
                smtpPort,
                smtpTls,
                username.isEmpty() ? address : username,
                password);
    }

    /** The part after the {@code @}, for our Message-IDs. */
    String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The IMAP session's properties; {@code timeout} bounds connecting and each answer (an IDLE included). */
    Properties imapProperties(Duration timeout) {
        Properties properties = new Properties();
        String protocol = imapProtocol();
        properties.put("mail.store.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", imapHost);
        properties.put(prefix + "port", Integer.toString(imapPort));
        timeouts(properties, prefix, timeout);
        // Reading a message must not mark it \Seen: that waits until Kafka has it.
        properties.put(prefix + "peek", "true");
        if (imapTls) {
            tls(properties, prefix, protocol.equals("imaps"));
        }
        return properties;
    }

    Properties smtpProperties(Duration timeout) {
        Properties properties = new Properties();
        String protocol = smtpProtocol();
        properties.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", smtpHost);
        properties.put(prefix + "port", Integer.toString(smtpPort));
        properties.put(prefix + "auth", "true");
        properties.put(prefix + "from", address);
        properties.put(prefix + "localhost", domain());
        timeouts(properties, prefix, timeout);
        if (smtpTls) {
            tls(properties, prefix, protocol.equals("smtps"));
        }
        return properties;
    }

    String imapProtocol() {
        return imapTls && imapPort == 993 ? "imaps" : "imap";
    }

    String smtpProtocol() {
        return smtpTls && smtpPort == 465 ? "smtps" : "smtp";
    }

    private static void timeouts(Properties properties, String prefix, Duration timeout) {
        String millis = Long.toString(timeout.toMillis());
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
    }

    private static void tls(Properties properties, String prefix, boolean implicit) {
        if (!implicit) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        properties.put(prefix + "ssl.checkserveridentity", "true");
    }

    static boolean isAddress(String address) {
        try {
            new InternetAddress(address, true);
            return address.indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }

    private static String required(ChannelAccount account, String key, List<String> problems) {
        String value = account.settings().getOrDefault(key, "").trim();
        if (value.isEmpty()) {
            problems.add("the setting " + key + " is missing");
        }
        return value;
    }

    private static int port(ChannelAccount account, String key, List<String> problems) {
        String value = required(account, key, problems);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " is not a port number (1-65535)");
        return 0;
    }

    private static boolean flag(ChannelAccount account, String key, List<String> problems) {
        String value = account.settings().getOrDefault(key, "").trim();
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(key + " must be \"true\" or \"false\"");
                yield false;
            }
        };
    }

    @Override
    public String toString() {
        return "EmailAccount[" + accountId + ", " + address + ", imap " + imapHost + ":" + imapPort + ", smtp "
                + smtpHost + ":" + smtpPort + "]";
    }
}
