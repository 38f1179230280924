package io.parley.bench;

import static io.parley.bench.BenchClient.call;

import io.parley.launcher.LaunchOptions;
import io.parley.launcher.PortPlan;
import io.parley.launcher.Suite;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 7's figures, on the whole suite in this JVM as {@code ./parley up --demo} runs it (with its local mail
 * server): a customer's mail handed to the demo mailbox's SMTP server → the offer on the staff member's agent
 * socket ({@code /ws/agent}), once with IMAP IDLE and once with polling (a fresh suite each). One mail at a
 * time, from a new customer each, so the figures are latencies, not queueing; each enquiry is accepted and
 * its room closed before the next mail. Options: {@code idleMails} (50), {@code pollMails} (20), {@code
 * pollEvery} (the shipped default, 10s).
 */
final class EmailBench {

    private static final JsonMapper JSON = BenchClient.JSON;
    private static final String SUPPORT = "support@parley.localhost";
    private static final int WARM_UP = 3;

    private EmailBench() {}

    public static void main(String[] args) throws Exception {
        int idleMails = Integer.getInteger("idleMails", 50);
        int pollMails = Integer.getInteger("pollMails", 20);
        String pollEvery = System.getProperty("pollEvery", "10s");
        Figures figures = new Figures();
        figures.fact("mails (IDLE / polling)", idleMails + " / " + pollMails);
        figures.fact("polling interval", pollEvery);
        run(figures, "mail in mailbox -> offer on agent socket (IDLE)", idleMails, Duration.ZERO, Map.of());
        run(
                figures,
                "mail in mailbox -> offer on agent socket (polling)",
                pollMails,
                DurationStyle.detectAndParse(pollEvery),
                Map.of("parley.channel-ingest.email.idle", false, "parley.channel-ingest.email.poll-every", pollEvery));
        System.out.println();
        System.out.println("Email benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "); the first " + WARM_UP + " mails of each run are warm-up");
        System.out.print(figures.table());
        System.out.println("written to " + figures.writeJson("email"));
        System.exit(0);
    }

    /**
     * @param jitter the longest random pause before each mail: with polling, a mail must not arrive in step
     *     with the polls (the loop would otherwise always just miss one)
     */
    private static void run(Figures figures, String figure, int mails, Duration jitter, Map<String, Object> properties)
            throws Exception {
        Path data = Files.createTempDirectory("parley-bench-email");
        try (Suite suite = Suite.start(new LaunchOptions(data, true, null, null, PortPlan.random(), properties))) {
            String origin = suite.gatewayUrl();
            String alice = BenchClient.signIn(origin, "alice", "parley-alice");
            call(origin, "PUT", "/api/presence/me", alice, "{\"status\":\"ACTIVE\"}");
            BenchClient.Frames agent = new BenchClient.Frames();
            WebSocket socket =
                    BenchClient.socket(origin.replace("http", "ws") + "/ws/agent?access_token=" + alice, agent);
            int smtpPort = suite.options().ports().of(PortPlan.DEMO_SMTP);
            for (int i = 0; i < mails + WARM_UP; i++) {
                if (!jitter.isZero()) {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(jitter.toMillis()));
                }
                String text = "Bench mail " + i + " " + UUID.randomUUID();
                long delivered = deliver(smtpPort, "bench-" + UUID.randomUUID() + "@example.com", text);
                JsonNode offer = agent.await(
                        frame -> "offer.created".equals(frame.path("type").asString())
                                && frame.path("offer")
                                        .path("preview")
                                        .asString()
                                        .contains(text),
                        Duration.ofSeconds(i < WARM_UP ? 90 : 60));
                long offered = System.nanoTime();
                if (i >= WARM_UP) {
                    figures.record(figure, (offered - delivered) / 1000);
                }
                String enquiryId = offer.path("offer").path("enquiryId").asString();
                String roomId = JSON.readTree(
                                call(origin, "POST", "/api/enquiries/" + enquiryId + "/accept", alice, null)
                                        .body())
                        .path("roomId")
                        .asString();
                call(origin, "POST", "/api/rooms/" + roomId + "/close", alice, null);
            }
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    /** Hands a customer's mail to the demo SMTP server; returns when it accepted it (in the mailbox). */
    private static long deliver(int smtpPort, String from, String text) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(from, "Bench Customer"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        mail.setSubject("Benchmark");
        mail.setText(text, "UTF-8");
        mail.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", smtpPort, null, null);
            transport.sendMessage(mail, new Address[] {new InternetAddress(SUPPORT)});
        }
        return System.nanoTime();
    }
}
