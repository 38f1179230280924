package io.parley.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How an email's text is shown to staff: quotes and signatures stripped, HTML as text, machines told apart. */
class MailTextTest {

    @Test
    void quotedLinesAttributionAndSignatureAreStripped() {
        String text = """
                Yes, the order number is 1234.

                Thanks,
                Ann
                --\u0020
                Ann Example | Example Ltd

                On Mon, 24 Nov 2026 at 10:00, Support <support@parley.test> wrote:
                > When did you order?
                """;

        assertThat(QuotedText.stripped(text)).isEqualTo("Yes, the order number is 1234.\n\nThanks,\nAnn");
    }

    @Test
    void anAttributionSplitOverTwoLinesAndAnOriginalMessageSeparatorEndTheText() {
        assertThat(QuotedText.stripped(
                        "Fine by me.\n\nOn Mon, 24 Nov 2026 at 10:00, Support <s@p.test>\nwrote:\n> old"))
                .isEqualTo("Fine by me.");
        assertThat(QuotedText.stripped("See below.\n-----Original Message-----\nFrom: x\nSent: y\nold text"))
                .isEqualTo("See below.");
        assertThat(QuotedText.stripped("Interleaved:\n> question\nmy answer")).isEqualTo("Interleaved:\nmy answer");
    }

    @Test
    void aMailThatIsAllQuoteIsKeptAsItIs() {
        assertThat(QuotedText.stripped("> only a quote")).isEqualTo("> only a quote");
    }

    @Test
    void htmlBecomesReadableTextWithBlockquotesMarkedAsQuotes() {
        String html = """
                <html><head><style>p{color:red}</style><script>alert(1)</script></head><body>
                <p>Hello&nbsp;team,</p><div>my <b>printer</b> is broken.<br>Please help.</div>
                <ul><li>model X</li><li>bought 2025</li></ul>
                <blockquote><p>Earlier message</p></blockquote></body></html>""";

        String text = HtmlText.of(html);

        assertThat(text)
                .isEqualTo(
                        "Hello team,\n\nmy printer is broken.\nPlease help.\n- model X\n- bought 2025\n> Earlier message");
        assertThat(QuotedText.stripped(text)).doesNotContain("Earlier message").doesNotContain("alert");
    }

    @Test
    void autoRepliesListsAndBouncesAreToldFromPeople() throws Exception {
        assertThat(verdict("Auto-Submitted: auto-replied\n")).isInstanceOf(AutomatedMail.Automated.class);
        assertThat(verdict("Auto-Submitted: no\n")).isInstanceOf(AutomatedMail.Personal.class);
        assertThat(verdict("Precedence: bulk\n")).isInstanceOf(AutomatedMail.Automated.class);
        assertThat(verdict("")).isInstanceOf(AutomatedMail.Personal.class);
        assertThat(AutomatedMail.of(mail("From: MAILER-DAEMON@mx.example\nSubject: failure\n\nreturned"), "s@p.test"))
                .isInstanceOf(AutomatedMail.Bounce.class);
    }

    @Test
    void aDeliveryReportNamesTheReturnedMailAndTheServersWords() throws Exception {
        MimeMessage report = mail("""
                From: postmaster@mx.example
                Subject: Undelivered Mail
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your mail could not be delivered.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; ann@example.com
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 User unknown
                --b
                Content-Type: text/rfc822-headers

                Message-ID: <parley.1@parley.test>
                Subject: Re: help
                --b--
                """);

        AutomatedMail.Bounce bounce = (AutomatedMail.Bounce) AutomatedMail.of(report, "s@p.test");

        assertThat(bounce.failed()).isTrue();
        assertThat(bounce.originalIds()).containsExactly("parley.1@parley.test");
        assertThat(bounce.reason()).isEqualTo("5.1.1 smtp; 550 5.1.1 User unknown");
    }

    @Test
    void aFileOverTheLimitIsCountedNotKeptAndTheTextPartIsNoFile() throws Exception {
        MimeMessage message = mail("""
                From: Ann <ann@example.com>
                Subject: files
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="p"

                --p
                Content-Type: text/plain

                Two files.
                --p
                Content-Type: image/png
                Content-Disposition: attachment; filename="../../etc/small.png"

                0123456789
                --p
                Content-Type: application/zip
                Content-Disposition: attachment; filename="big.zip"

                0123456789012345678901234567890123456789
                --p--
                """);

        ParsedMail parsed = new MailParser(20).parse(message);

        assertThat(parsed.text()).isEqualTo("Two files.");
        assertThat(parsed.attachments()).hasSize(2);
        ParsedMail.Attachment small = parsed.attachments().get(0);
        assertThat(small.fileName()).isEqualTo("small.png");
        assertThat(small.bytes()).isNotNull();
        ParsedMail.Attachment big = parsed.attachments().get(1);
        assertThat(big.fileName()).isEqualTo("big.zip");
        assertThat(big.bytes()).isNull();
        assertThat(big.size()).isGreaterThan(20);
    }

    @Test
    void aReplySubjectGetsOneRe() {
        assertThat(EmailSender.subject("Printer broken")).isEqualTo("Re: Printer broken");
        assertThat(EmailSender.subject("RE: Printer broken")).isEqualTo("RE: Printer broken");
        assertThat(EmailSender.subject("Aw: Drucker")).isEqualTo("Aw: Drucker");
        assertThat(EmailSender.subject(null)).isEqualTo("Re: your message");
    }

    @Test
    void messageIdsAreKeptBare() {
        assertThat(MessageIds.all("<a@x> <b@y>\r\n <a@x>")).containsExactly("a@x", "b@y");
        assertThat(MessageIds.bare(" <id@host> ")).isEqualTo("id@host");
        assertThat(MessageIds.bare(null)).isNull();
    }

    private static AutomatedMail.Verdict verdict(String headers) throws Exception {
        return AutomatedMail.of(mail("From: Ann <ann@example.com>\n" + headers + "Subject: hi\n\nHello"), "s@p.test");
    }

    private static MimeMessage mail(String text) throws Exception {
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
    }
}
