package io.parley.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.DeliveryStatus;
import io.parley.events.channel.InboundMessageReceived;
import io.parley.ingest.account.ChannelAccount;
import io.parley.testsupport.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's email channel in a service started in demo mode with a demo mail server (GreenMail, set up
 * as the launcher sets it up): the customer's mail goes over SMTP into the demo mailbox and is read by the
 * real email channel, staff replies go over SMTP into the customer's mailbox and the simulator shows them,
 * and the customer's answer threads under the reply.
 */
@TestPropertySource(
        properties = {
            "parley.demo=true",
            "parley.channel-ingest.simulator.enabled=true",
            "parley.demo-mail.enabled=true"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SimulatorEmailIT extends RunningSimulator {

    static final int PORT = TestInfrastructure.freePort();
    static final String SIMULATOR = "http://127.0.0.1:" + PORT + "/simulator";
    static final String SUPPORT = "support@parley.localhost";
    static final GreenMail MAIL = startMail();

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("parley.demo-platform-url", () -> SIMULATOR);
        registry.add("parley.demo-mail.smtp-port", () -> MAIL.getSmtp().getPort());
        registry.add("parley.demo-mail.imap-port", () -> MAIL.getImap().getPort());
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
        mail.setUser(SUPPORT, SUPPORT, "parley-mail");
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(mail::stop));
        return mail;
    }

    @Test
    void theCustomersMailReachesParleyAsAnEmailWithTheirName() {
        String name = "Ann Lee " + fresh("c");
        String text = "My parcel is late " + UUID.randomUUID();

        HttpResponse<String> written = write(name, null, text);

        assertThat(written.statusCode()).isEqualTo(200);
        JsonNode answer = json(written);
        assertThat(answer.path("channel").asString()).isEqualTo("EMAIL");
        assertThat(answer.path("webhookStatus").asInt()).isEqualTo(250);
        String address = answer.path("customerId").asString();
        assertThat(address).startsWith("ann.lee.c.").endsWith("@customer.parley.localhost");
        InboundMessageReceived inbound = awaitInboundText(text);
        assertThat(inbound.channel()).isEqualTo(Channel.EMAIL);
        assertThat(inbound.conversationKey()).isEqualTo(new ConversationKey(Channel.EMAIL, "demo-email", address));
        assertThat(inbound.customer().displayName()).isEqualTo(name);
        MimeMessage mail = received(text);
        assertThat(header(mail, "Subject")).isEqualTo(text);
        JsonNode shown = conversation(Channel.EMAIL, address).path("messages").path(0);
        assertThat(shown.path("from").asString()).isEqualTo("CUSTOMER");
        assertThat(shown.path("webhookStatus").asInt()).isEqualTo(250);
    }

    @Test
    void aStaffReplyArrivesInTheCustomersMailboxAndTheirAnswerThreadsUnderIt() {
        String question = "Where is order 77? " + UUID.randomUUID();
        String address = json(write("Ben Ode " + fresh("c"), null, "Order 77", question))
                .path("customerId")
                .asString();
        ConversationKey key = awaitInboundText(question).conversationKey();

        String reply = reply(key, "Hello Ben, it ships today.");
        String replyId =
                awaitStatus(reply, DeliveryStatus.SENT, Duration.ofSeconds(40)).platformMessageId();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(businessTexts(Channel.EMAIL, address))
                        .containsExactly("Hello Ben, it ships today."));
        String answer = "Thanks! " + UUID.randomUUID();
        assertThat(json(write("Ben Ode", address, answer)).path("webhookStatus").asInt())
                .isEqualTo(250);

        assertThat(awaitInboundText(answer).conversationKey()).isEqualTo(key);
        MimeMessage threaded = received(answer);
        assertThat(header(threaded, "In-Reply-To")).isEqualTo("<" + replyId + ">");
        assertThat(header(threaded, "References")).contains("<" + replyId + ">");
        assertThat(header(threaded, "Subject")).isEqualTo("Re: Order 77");
    }

    @Test
    void theEmailChannelIsOfferedWithTheOthers() {
        List<String> offered = new ArrayList<>();
        json(get("/simulator/api/channels", null))
                .path("channels")
                .forEach(c -> offered.add(c.path("channel").asString() + ":"
                        + c.path("label").asString() + ":" + c.path("accountId").asString()));

        assertThat(offered).contains("EMAIL:Email:demo-email", "LINE:LINE:demo-line");
    }

    @Test
    void noOtherAddressNorMailServerIsUsed() {
        HttpResponse<String> realAddress = write("Eve", "eve@example.com", "Hi");
        HttpResponse<String> longSubject = send(
                "POST",
                "/simulator/api/messages",
                null,
                body(Map.of("channel", "EMAIL", "customerName", "Eve", "subject", "s".repeat(201), "text", "Hi")));
        assertThat(realAddress.statusCode()).isEqualTo(400);
        assertThat(code(realAddress)).isEqualTo("simulator.invalid");
        assertThat(code(longSubject)).isEqualTo("simulator.invalid");

        ChannelAccount demo = accounts.byId("demo-email").orElseThrow();
        Map<String, String> elsewhere = new HashMap<>(demo.settings());
        elsewhere.put("smtpHost", "smtp.example.com");
        accounts.save(withSettings(demo, elsewhere));
        try {
            int before = MAIL.getReceivedMessages().length;

            HttpResponse<String> refused = write("Eve", null, "Hello?");

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(code(refused)).isEqualTo("simulator.not-demo");
            assertThat(MAIL.getReceivedMessages()).hasSize(before);
        } finally {
            accounts.save(demo);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private HttpResponse<String> write(String name, @Nullable String customerId, String text) {
        return write(name, customerId, null, text);
    }

    private HttpResponse<String> write(
            String name, @Nullable String customerId, @Nullable String subject, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "EMAIL");
        body.put("customerName", name);
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        if (subject != null) {
            body.put("subject", subject);
        }
        body.put("text", text);
        return send("POST", "/simulator/api/messages", null, body(body));
    }

    /** The inbound email with this text (its message id is the demo mailbox's to choose). */
    private static InboundMessageReceived awaitInboundText(String text) {
        return INBOUND.await(
                InboundMessageReceived.class,
                m -> m.channel() == Channel.EMAIL && text.equals(m.text()),
                Duration.ofSeconds(40));
    }

    /** The customer's mail as the demo mailbox received it. */
    private static MimeMessage received(String text) {
        return await().atMost(WAIT)
                .until(
                        () -> Arrays.stream(MAIL.getReceivedMessages())
                                .filter(m -> body(m).contains(text))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent() instanceof String text ? text : "";
        } catch (Exception e) {
            return "";
        }
    }

    private static @Nullable String header(MimeMessage message, String name) {
        try {
            return name.equals("Subject") ? message.getSubject() : message.getHeader(name, " ");
        } catch (Exception e) {
            return null;
        }
    }

    private static ChannelAccount withSettings(ChannelAccount account, Map<String, String> settings) {
        return new ChannelAccount(
                account.id(),
                account.channel(),
                account.name(),
                account.enabled(),
                account.secrets(),
                settings,
                account.platformBaseUrl(),
                account.welcomeMessage(),
                account.welcomeByTag(),
                account.customInfo(),
                Instant.now());
    }
}
