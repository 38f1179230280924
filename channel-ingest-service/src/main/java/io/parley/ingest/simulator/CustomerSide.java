package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.kit.web.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The customer's side of the simulator: checks what the person wrote, builds the channel's webhook for the
 * channel's demo account, posts it to this service as the platform would (or, for email, sends the customer's
 * mail to the demo mailbox over SMTP), and keeps the message (with the webhook's or mail server's answer) in
 * the conversation the page shows.
 */
@Component
class CustomerSide {

    static final int MAX_TEXT = 2000;

    private final Map<Channel, CustomerWebhook> webhooks = new LinkedHashMap<>();
    private final Map<Channel, String> labels = new LinkedHashMap<>();
    private final DemoAccounts demoAccounts;
    private final OwnWebhooks own;
    private final EmailCustomer email;
    private final Transcripts transcripts;
    private final Clock clock;

    CustomerSide(
            List<CustomerWebhook> webhooks,
            DemoAccounts demoAccounts,
            OwnWebhooks own,
            EmailCustomer email,
            Transcripts transcripts,
            Clock clock) {
        DemoAccounts.IDS.keySet().forEach(channel -> {
            if (channel == Channel.EMAIL) {
                labels.put(channel, "Email");
            }
            webhooks.stream()
                    .filter(webhook -> webhook.channel() == channel)
                    .findFirst()
                    .ifPresent(webhook -> {
                        this.webhooks.put(channel, webhook);
                        labels.put(channel, webhook.label());
                    });
        });
        this.demoAccounts = demoAccounts;
        this.own = own;
        this.email = email;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    /** A channel the page offers: the channel, its name, and its demo account. */
    record Offered(Channel channel, String label, String accountId, String accountName) {}

    /**
     * What came of one message: to whom it went, and what the webhook endpoint answered (for email: what the
     * SMTP server answered, its reply code as the status).
     */
    record Sent(Channel channel, String accountId, String customerId, long seq, OwnWebhooks.Answer webhook) {}

    List<Offered> channels() {
        return demoAccounts.all(List.copyOf(labels.keySet())).stream()
                .map(account ->
                        new Offered(account.channel(), labels.get(account.channel()), account.id(), account.name()))
                .toList();
    }

    /** What the person wrote as the customer; {@code subject} is for email only (blank: none given). */
    record Draft(
            @Nullable String channel,
            @Nullable String customerId,
            @Nullable String customerName,
            @Nullable String subject,
            @Nullable String text) {}

    Sent write(Draft written) {
        Channel channel = channel(written.channel());
        String customerName = required(written.customerName(), "customerName", SimulatedCustomer.MAX_NAME, false);
        String message = required(written.text(), "text", MAX_TEXT, true);
        String subject = written.subject() == null || written.subject().isBlank()
                ? null
                : required(written.subject(), "subject", EmailCustomer.MAX_SUBJECT, false);
        SimulatedCustomer customer =
                new SimulatedCustomer(customerId(channel, written.customerId(), customerName), customerName);
        ChannelAccount account = demoAccount(channel);
        Instant at = clock.instant();
        OwnWebhooks.Answer answer = channel == Channel.EMAIL
                ? email.send(account, customer, subject, message, at)
                : own.post(webhooks.get(channel).build(account, customer, message, at));
        Transcripts.Entry entry =
                transcripts.customerWrote(account.id(), customer.id(), customer.name(), message, at, answer.status());
        return new Sent(channel, account.id(), customer.id(), entry.seq(), answer);
    }

    /** The customer's id on the channel: the one given, else the one derived from the name. */
    String customerId(Channel channel, @Nullable String customerId, @Nullable String name) {
        if (customerId != null) {
            if (!SimulatedCustomer.validId(customerId)) {
                throw invalid("customerId is 1 to " + SimulatedCustomer.MAX_ID + " letters, digits or _.:@+-");
            }
            if (channel == Channel.EMAIL && !SimulatedCustomer.validAddress(customerId)) {
                throw invalid("customerId is an address at " + SimulatedCustomer.EMAIL_DOMAIN + " on email");
            }
            return customerId;
        }
        return SimulatedCustomer.derivedId(channel, required(name, "customerName", SimulatedCustomer.MAX_NAME, false));
    }

    /** The channel's demo account, or {@code 409 simulator.not-demo}. */
    ChannelAccount demoAccount(Channel channel) {
        return demoAccounts
                .of(channel)
                .orElseThrow(() -> new Problem(
                        HttpStatus.CONFLICT,
                        "simulator.not-demo",
                        "The " + channel + " demo account is missing, disabled or not sending to the simulator"));
    }

    /** A channel the simulator plays, or {@code 400 simulator.unknown-channel}. */
    Channel channel(@Nullable String name) {
        Channel channel = null;
        if (name != null && name.length() <= 32) {
            try {
                channel = Channel.fromWire(name.strip());
            } catch (IllegalArgumentException e) {
                channel = null;
            }
        }
        if (channel == null || !labels.containsKey(channel)) {
            throw Problem.badRequest(
                    "simulator.unknown-channel", "channel is one of " + labels.keySet() + " in the simulator");
        }
        return channel;
    }

    private static String required(@Nullable String value, String field, int max, boolean multiline) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw invalid(field + " is required, at most " + max + " characters");
        }
        if (stripped.chars()
                .anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
            throw invalid(field + " contains control characters");
        }
        return stripped;
    }

    static Problem invalid(String detail) {
        return Problem.badRequest("simulator.invalid", detail);
    }
}
