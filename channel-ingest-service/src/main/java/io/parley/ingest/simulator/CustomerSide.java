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
 * channel's demo account, posts it to this service as the platform would, and keeps the message (with the
 * webhook's answer) in the conversation the page shows.
 */
@Component
class CustomerSide {

    static final int MAX_TEXT = 2000;

    private final Map<Channel, CustomerWebhook> webhooks = new LinkedHashMap<>();
    private final DemoAccounts demoAccounts;
    private final OwnWebhooks own;
    private final Transcripts transcripts;
    private final Clock clock;

    CustomerSide(
            List<CustomerWebhook> webhooks,
            DemoAccounts demoAccounts,
            OwnWebhooks own,
            Transcripts transcripts,
            Clock clock) {
        DemoAccounts.IDS
                .keySet()
                .forEach(channel -> webhooks.stream()
                        .filter(webhook -> webhook.channel() == channel)
                        .findFirst()
                        .ifPresent(webhook -> this.webhooks.put(channel, webhook)));
        this.demoAccounts = demoAccounts;
        this.own = own;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    /** A channel the page offers: the channel, its name, and its demo account. */
    record Offered(Channel channel, String label, String accountId, String accountName) {}

    /** What came of one message: to whom it went, and what the webhook endpoint answered. */
    record Sent(Channel channel, String accountId, String customerId, long seq, OwnWebhooks.Answer webhook) {}

    List<Offered> channels() {
        return demoAccounts.all(List.copyOf(webhooks.keySet())).stream()
                .map(account -> new Offered(
                        account.channel(), webhooks.get(account.channel()).label(), account.id(), account.name()))
                .toList();
    }

    Sent write(
            @Nullable String channelName, @Nullable String customerId, @Nullable String name, @Nullable String text) {
        Channel channel = channel(channelName);
        CustomerWebhook webhook = webhooks.get(channel);
        String customerName = required(name, "customerName", SimulatedCustomer.MAX_NAME, false);
        String message = required(text, "text", MAX_TEXT, true);
        SimulatedCustomer customer = new SimulatedCustomer(customerId(channel, customerId, customerName), customerName);
        ChannelAccount account = demoAccount(channel);
        Instant at = clock.instant();
        OwnWebhooks.Answer answer = own.post(webhook.build(account, customer, message, at));
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
        if (channel == null || !webhooks.containsKey(channel)) {
            throw Problem.badRequest(
                    "simulator.unknown-channel", "channel is one of " + webhooks.keySet() + " in the simulator");
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
