package io.parley.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.Counter;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.DeliveryStatus;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.channel.DeliveryStatusChanged;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.media.MediaStore;
import io.parley.testsupport.TestInfrastructure;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The email channel against GreenMail, a real SMTP and IMAP server in this JVM: customers' mail delivered
 * over SMTP to the support mailbox becomes inbound messages of the running service (read over IMAP), and
 * replies leave over SMTP into the customers' mailboxes. Every test has its own mailbox and account.
 */
class EmailChannelIT extends RunningIngest {

    static final String PASSWORD = "mailbox-secret";
    /** Mail crosses SMTP, the store and an IMAP IDLE or poll before it shows. */
    static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    static final GreenMail MAIL = startMail();

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MediaStore media;

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(mail::stop));
        return mail;
    }

    @Test
    void aNewThreadOpensAConversationOfTheSenderWithTheirNameAndWithoutTheQuote() throws Exception {
        Mailbox box = givenMailbox(null);
        String id = messageId();

        deliver(box, """
                From: Ann Example <Ann@Example.com>
                To: %s
                Subject: Printer broken
                Message-ID: <%s>
                Content-Type: text/plain; charset=UTF-8

                My printer shows error 42.

                Ann
                --\u0020
                Ann Example, Example Ltd

                On Mon, 24 Nov 2026 at 10:00, Shop <shop@example.com> wrote:
                > Your order has shipped.
                """.formatted(box.address(), id));

        InboundMessageReceived message = awaitInbound(id, MAIL_WAIT);
        assertThat(message.channel()).isEqualTo(Channel.EMAIL);
        assertThat(message.conversationKey())
                .isEqualTo(new ConversationKey(Channel.EMAIL, box.accountId(), "ann@example.com"));
        assertThat(message.entryPoint())
                .isEqualTo(new EntryPoint(EntryPoint.Type.CHANNEL, box.accountId(), box.name()));
        assertThat(message.customer())
                .isEqualTo(new Customer("ann@example.com", "Ann Example", null, "ann@example.com"));
        assertThat(message.text()).isEqualTo("My printer shows error 42.\n\nAnn");
        assertThat(message.attachments())
                .singleElement()
                .satisfies(original -> assertThat(original.fileName()).isEqualTo(IncomingMail.ORIGINAL_FILE));
        String original = new String(download(message.attachments().getFirst().ref()), StandardCharsets.UTF_8);
        assertThat(original).contains("> Your order has shipped.", "Ann Example, Example Ltd");
        await().atMost(WAIT).until(() -> seenFlags(box).getOrDefault(id, false));
    }

    @Test
    void aReplyInTheThreadJoinsItsConversationEvenFromAnotherAddress() throws Exception {
        Mailbox box = givenMailbox(null);
        String first = messageId();
        deliver(box, plain("Ann <ann@example.com>", box, "Order 77", first, null, "Where is order 77?"));
        ConversationKey conversation = awaitInbound(first, MAIL_WAIT).conversationKey();
        String reply = reply(conversation, "It ships today.");
        String ours = awaitStatus(reply, DeliveryStatus.SENT, MAIL_WAIT).platformMessageId();

        String colleague = messageId();
        deliver(
                box,
                plain(
                        "Bob <bob@example.com>",
                        box,
                        "Re: Order 77",
                        colleague,
                        "<" + first + "> <" + ours + ">",
                        "I am Ann's colleague: thanks!"));
        String unrelated = messageId();
        deliver(box, plain("Bob <bob@example.com>", box, "Something else", unrelated, null, "New question"));

        assertThat(awaitInbound(colleague, MAIL_WAIT).conversationKey()).isEqualTo(conversation);
        assertThat(awaitInbound(unrelated, MAIL_WAIT).conversationKey())
                .isEqualTo(new ConversationKey(Channel.EMAIL, box.accountId(), "bob@example.com"));
    }

    @Test
    void anHtmlOnlyMailBecomesCleanText() throws Exception {
        Mailbox box = givenMailbox(null);
        String id = messageId();

        deliver(box, """
                From: Carl <carl@example.com>
                To: %s
                Subject: Invoice
                Message-ID: <%s>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><style>.x{color:red}</style></head><body>
                <p>Hello,</p><p>my <b>invoice</b> is wrong.<br>Please fix it.</p>
                <div class="gmail_quote">On Sun, 23 Nov 2026, Shop wrote:<blockquote>Old &amp; quoted</blockquote></div>
                </body></html>
                """.formatted(box.address(), id));

        assertThat(awaitInbound(id, MAIL_WAIT).text()).isEqualTo("Hello,\n\nmy invoice is wrong.\nPlease fix it.");
    }

    @Test
    void anAttachmentIsKeptAndStaffCanDownloadIt() throws Exception {
        Mailbox box = givenMailbox(null);
        String id = messageId();
        byte[] pdf = "%PDF-1.4 the customer's receipt".getBytes(StandardCharsets.UTF_8);

        deliver(box, """
                From: Dora <dora@example.com>
                To: %s
                Subject: Receipt
                Message-ID: <%s>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="part"

                --part
                Content-Type: text/plain; charset=UTF-8

                Receipt attached.
                --part
                Content-Type: application/pdf; name="receipt.pdf"
                Content-Disposition: attachment; filename="receipt.pdf"
                Content-Transfer-Encoding: base64

                %s
                --part--
                """.formatted(box.address(), id, Base64.getMimeEncoder().encodeToString(pdf)));

        InboundMessageReceived message = awaitInbound(id, MAIL_WAIT);
        assertThat(message.text()).isEqualTo("Receipt attached.");
        assertThat(message.attachments()).hasSize(2);
        var receipt = message.attachments().getFirst();
        assertThat(receipt.fileName()).isEqualTo("receipt.pdf");
        assertThat(receipt.mediaType()).isEqualTo("application/pdf");
        assertThat(receipt.sizeBytes()).isEqualTo((long) pdf.length);
        assertThat(download(receipt.ref())).isEqualTo(pdf);
    }

    @Test
    void mailThatArrivesWhileTheReaderIsDownIsReadOnceAfterItsRestart() throws Exception {
        Mailbox box = givenMailbox(null);
        String before = messageId();
        deliver(box, plain("Eve <eve@example.com>", box, "One", before, null, "first"));
        awaitInbound(before, MAIL_WAIT);

        mailboxes.stop();
        String during1 = messageId();
        String during2 = messageId();
        try {
            deliver(box, plain("Eve <eve@example.com>", box, "Two", during1, null, "second"));
            deliver(box, plain("Eve <eve@example.com>", box, "Three", during2, null, "third"));
        } finally {
            mailboxes.start();
        }

        awaitInbound(during1, MAIL_WAIT);
        awaitInbound(during2, MAIL_WAIT);
        String after = messageId();
        deliver(box, plain("Eve <eve@example.com>", box, "Four", after, null, "fourth"));
        awaitInbound(after, MAIL_WAIT);
        for (String id : List.of(before, during1, during2, after)) {
            assertThat(INBOUND.seen(
                            InboundMessageReceived.class,
                            m -> m.platformMessageId().equals(id)))
                    .as("published once: %s", id)
                    .hasSize(1);
        }
    }

    @Test
    void aPollingReaderReadsTheMailboxToo() throws Exception {
        Mailbox box = givenMailbox(null);
        ChannelAccount account = accounts.byId(box.accountId()).orElseThrow();
        accounts.save(changed(account, false, account.secrets()));
        mailboxes.reconcile();
        MailboxReader polling = mailboxes.reader(
                EmailAccount.of(account),
                new EmailSettings(
                        true,
                        Duration.ofSeconds(5),
                        false,
                        Duration.ofMillis(300),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(10),
                        Duration.ofMillis(200),
                        org.springframework.util.unit.DataSize.ofMegabytes(25),
                        10_000));
        polling.start();
        try {
            String id = messageId();
            deliver(box, plain("Finn <finn@example.com>", box, "Polled", id, null, "polled mail"));
            assertThat(awaitInbound(id, MAIL_WAIT).text()).isEqualTo("polled mail");
        } finally {
            polling.stop();
        }
    }

    @Test
    void anAutoReplyOpensNothingAndIsMarkedHandled() throws Exception {
        Mailbox box = givenMailbox(null);
        String auto = messageId();
        String bulk = messageId();
        deliver(box, """
                From: Gus <gus@example.com>
                To: %s
                Subject: Out of office
                Message-ID: <%s>
                Auto-Submitted: auto-replied

                I am away until Monday.
                """.formatted(box.address(), auto));
        deliver(box, """
                From: News <news@example.com>
                To: %s
                Subject: Newsletter
                Message-ID: <%s>
                Precedence: bulk

                Our offers.
                """.formatted(box.address(), bulk));
        String marker = messageId();
        deliver(box, plain("Gus <gus@example.com>", box, "Back", marker, null, "A real question"));

        awaitInbound(marker, MAIL_WAIT);
        assertThat(INBOUND.seen(
                        InboundMessageReceived.class,
                        m -> m.platformMessageId().equals(auto)
                                || m.platformMessageId().equals(bulk)))
                .isEmpty();
        Map<String, Boolean> seen = seenFlags(box);
        assertThat(seen).containsEntry(auto, true).containsEntry(bulk, true);
    }

    @Test
    void malformedMimeIsSkippedCountedAndTheNextMailStillArrives() throws Exception {
        Mailbox box = givenMailbox(null);
        double malformedBefore = messages(box, "malformed");
        String broken = messageId();
        deliver(box, """
                From: Hal <hal@example.com>
                To: %s
                Subject: Broken
                Message-ID: <%s>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="never-used"

                There is no boundary line in this body at all.
                """.formatted(box.address(), broken));
        String next = messageId();
        deliver(box, plain("Hal <hal@example.com>", box, "Next", next, null, "Next mail"));

        assertThat(awaitInbound(next, MAIL_WAIT).text()).isEqualTo("Next mail");
        assertThat(INBOUND.seen(
                        InboundMessageReceived.class, m -> m.platformMessageId().equals(broken)))
                .isEmpty();
        assertThat(messages(box, "malformed")).isEqualTo(malformedBefore + 1);
        assertThat(seenFlags(box)).containsEntry(broken, false).containsEntry(next, true);
    }

    @Test
    void aReplyArrivesInTheCustomersInboxInTheThreadFromTheChannelsAddress() throws Exception {
        Mailbox box = givenMailbox(null);
        String root = messageId();
        String last = messageId();
        String customer = "ivy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        deliver(box, """
                From: Ivy <%s>
                Reply-To: Ivy at home <%s>
                To: %s
                Subject: Re: Printer broken
                Message-ID: <%s>
                In-Reply-To: <%s>
                References: <%s>

                Still broken.
                """.formatted(customer, customer, box.address(), last, root, root));
        ConversationKey conversation = awaitInbound(last, MAIL_WAIT).conversationKey();

        String reply = reply(conversation, "A technician will call you.");

        DeliveryStatusChanged sent = awaitStatus(reply, DeliveryStatus.SENT, MAIL_WAIT);
        assertThat(sent.roomId()).isEqualTo("room-7");
        MimeMessage received = awaitReceived(customer, sent.platformMessageId());
        assertThat(received.getFrom())
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(box.address());
        assertThat(received.getSubject()).isEqualTo("Re: Printer broken");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<" + last + ">");
        assertThat(received.getHeader("References", null)).isEqualTo("<" + root + "> <" + last + ">");
        assertThat(received.getHeader("Auto-Submitted")).isNull();
        assertThat(((String) received.getContent()).strip()).isEqualTo("A technician will call you.");
    }

    @Test
    void theWelcomeIsAnAutoAcknowledgementInTheThread() throws Exception {
        Mailbox box = givenMailbox("Thanks, we got your mail.");
        String customer = "jo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = messageId();
        deliver(box, plain("Jo <" + customer + ">", box, "Help", id, null, "Help me"));
        ConversationKey conversation = awaitInbound(id, MAIL_WAIT).conversationKey();
        String enquiryId = "enq-" + UUID.randomUUID();

        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiryId,
                opened(
                        enquiryId,
                        conversation,
                        "Support",
                        new Customer(conversation.externalUserId(), null, null, conversation.externalUserId()),
                        "Help me"));

        DeliveryStatusChanged sent = awaitStatus("welcome:" + enquiryId, DeliveryStatus.SENT, MAIL_WAIT);
        MimeMessage welcome = awaitReceived(customer, sent.platformMessageId());
        assertThat(welcome.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(welcome.getHeader("In-Reply-To", null)).isEqualTo("<" + id + ">");
        assertThat(welcome.getSubject()).isEqualTo("Re: Help");
        assertThat(((String) welcome.getContent()).strip()).isEqualTo("Thanks, we got your mail.");
    }

    @Test
    void aBounceOfOurReplyMarksItFailedWithTheServersWords() throws Exception {
        Mailbox box = givenMailbox(null);
        String id = messageId();
        deliver(box, plain("Kim <kim@example.com>", box, "Question", id, null, "Hello?"));
        ConversationKey conversation = awaitInbound(id, MAIL_WAIT).conversationKey();
        String reply = reply(conversation, "Hello Kim");
        String ours = awaitStatus(reply, DeliveryStatus.SENT, MAIL_WAIT).platformMessageId();
        String bounce = messageId();

        deliver(box, """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

                --dsn
                Content-Type: text/plain

                Your message could not be delivered.
                --dsn
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; kim@example.com
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <kim@example.com>: Recipient address rejected
                --dsn
                Content-Type: text/rfc822-headers

                From: %s
                To: kim@example.com
                Subject: Re: Question
                Message-ID: <%s>
                --dsn--
                """.formatted(box.address(), bounce, box.address(), ours));

        DeliveryStatusChanged failed = awaitStatus(reply, DeliveryStatus.FAILED, MAIL_WAIT);
        assertThat(failed.roomId()).isEqualTo("room-7");
        assertThat(failed.roomSeq()).isEqualTo(3L);
        assertThat(failed.conversationKey()).isEqualTo(conversation);
        assertThat(failed.failure().code()).isEqualTo("bounced");
        assertThat(failed.failure().reason()).contains("550 5.1.1", "Recipient address rejected");
        assertThat(INBOUND.seen(
                        InboundMessageReceived.class, m -> m.platformMessageId().equals(bounce)))
                .isEmpty();
    }

    @Test
    void anSmtpRefusalFailsTheReplyWithTheServersReason() throws Exception {
        Mailbox box = givenMailbox(null);
        ChannelAccount account = accounts.byId(box.accountId()).orElseThrow();
        Map<String, String> secrets = new HashMap<>(account.secrets());
        secrets.put("password", "not-the-password");
        accounts.save(changed(account, true, secrets));
        ConversationKey conversation = new ConversationKey(Channel.EMAIL, box.accountId(), "lee@example.com");
        String reply = reply(conversation, "Hello Lee");

        DeliveryStatusChanged failed = awaitStatus(reply, DeliveryStatus.FAILED, MAIL_WAIT);
        assertThat(failed.failure().code()).isEqualTo("bad-credentials");
        assertThat(failed.failure().actionRequired()).isTrue();
        assertThat(failed.failure().reason()).contains("535");
        assertThat(failed.failure().reason()).doesNotContain("not-the-password");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** A support mailbox on GreenMail and its email channel account, being read. */
    record Mailbox(String accountId, String name, String address) {}

    private Mailbox givenMailbox(@Nullable String welcome) {
        String id = fresh("mail");
        String address = "support-" + id + "@parley.test";
        MAIL.setUser(address, address, PASSWORD);
        String name = "Support " + id;
        givenChannelAccount(
                id,
                Channel.EMAIL,
                name,
                Map.of("password", PASSWORD),
                Map.of(
                        "address", address,
                        "imapHost", "127.0.0.1",
                        "imapPort", Integer.toString(MAIL.getImap().getPort()),
                        "imapTls", "false",
                        "smtpHost", "127.0.0.1",
                        "smtpPort", Integer.toString(MAIL.getSmtp().getPort()),
                        "smtpTls", "false"),
                null,
                welcome);
        mailboxes.reconcile();
        return new Mailbox(id, name, address);
    }

    /** The account as an admin would save it again, enabled or not and with these secrets. */
    private static ChannelAccount changed(ChannelAccount account, boolean enabled, Map<String, String> secrets) {
        return new ChannelAccount(
                account.id(),
                account.channel(),
                account.name(),
                enabled,
                secrets,
                account.settings(),
                account.platformBaseUrl(),
                account.welcomeMessage(),
                account.welcomeByTag(),
                account.customInfo(),
                Instant.now());
    }

    private static String messageId() {
        return UUID.randomUUID() + "@example.com";
    }

    private static String plain(
            String from, Mailbox box, String subject, String id, @Nullable String references, String text) {
        return "From: " + from + "\nTo: " + box.address() + "\nSubject: " + subject + "\nMessage-ID: <" + id + ">\n"
                + (references == null
                        ? ""
                        : "References: " + references + "\nIn-Reply-To: "
                                + references.substring(references.lastIndexOf('<')) + "\n")
                + "Content-Type: text/plain; charset=UTF-8\n\n" + text + "\n";
    }

    /** Hands the raw mail, as written, to the SMTP server for the mailbox (as a customer's mail server would). */
    private static void deliver(Mailbox box, String raw) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(
                session, new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", MAIL.getSmtp().getPort(), null, null);
            transport.sendMessage(message, new Address[] {new InternetAddress(box.address())});
        }
    }

    /** Each message of the mailbox by its Message-ID (bare), and whether it is flagged \Seen. */
    private static Map<String, Boolean> seenFlags(Mailbox box) throws Exception {
        Session session = Session.getInstance(new Properties());
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), box.address(), PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Map<String, Boolean> flags = new HashMap<>();
            for (Message message : inbox.getMessages()) {
                String id = MessageIds.bare(((MimeMessage) message).getHeader("Message-ID", null));
                flags.put(id, message.isSet(Flags.Flag.SEEN));
            }
            inbox.close(false);
            return flags;
        } finally {
            store.close();
        }
    }

    private static MimeMessage awaitReceived(String recipient, String messageId) {
        return await().atMost(WAIT)
                .until(
                        () -> Arrays.stream(MAIL.getReceivedMessages())
                                .filter(m -> messageId.equals(headerId(m)))
                                .filter(m -> to(m).contains(recipient))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static @Nullable String headerId(MimeMessage message) {
        try {
            return MessageIds.bare(message.getHeader("Message-ID", null));
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> to(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(a -> ((InternetAddress) a).getAddress())
                    .toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private double messages(Mailbox box, String outcome) {
        return meters
                .find("parley.email.messages")
                .tag("account", box.accountId())
                .tag("outcome", outcome)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private byte[] download(String ref) throws Exception {
        String id = MediaStore.idOf(ref).orElseThrow();
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/attachments/" + id))
                        .header("Authorization", "Bearer " + JWKS.token("staff-1", "STAFF"))
                        .timeout(WAIT)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
