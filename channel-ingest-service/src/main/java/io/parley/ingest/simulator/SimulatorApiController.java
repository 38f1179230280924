package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The page's JSON API: {@code GET /simulator/api/channels} (the demo channels to play), {@code POST
 * /simulator/api/messages} (write as a customer: the webhook goes out, its answer comes back) and {@code GET
 * /simulator/api/conversations} (what the customer wrote and what arrived for them, after a sequence number;
 * for email, a fetch first reads the customer's new mails from their mailbox).
 */
@RestController
class SimulatorApiController {

    private final CustomerSide customers;
    private final Transcripts transcripts;
    private final WhatsAppReceipts receipts;
    private final CustomerMailboxes mailboxes;

    SimulatorApiController(
            CustomerSide customers, Transcripts transcripts, WhatsAppReceipts receipts, CustomerMailboxes mailboxes) {
        this.customers = customers;
        this.transcripts = transcripts;
        this.receipts = receipts;
        this.mailboxes = mailboxes;
    }

    record Channels(List<CustomerSide.Offered> channels) {}

    record Written(
            Channel channel,
            String accountId,
            String customerId,
            long seq,
            int webhookStatus,
            @Nullable String webhookCode,
            @Nullable String webhookDetail) {}

    record Conversation(Channel channel, String accountId, String customerId, List<Transcripts.Entry> messages) {}

    @GetMapping("/simulator/api/channels")
    ResponseEntity<Channels> channels() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Channels(customers.channels()));
    }

    @PostMapping("/simulator/api/messages")
    Written write(HttpServletRequest request) {
        JsonNode body = RequestBodies.json(request);
        if (!body.isObject()) {
            throw CustomerSide.invalid(
                    "The body is a JSON object {channel, customerId?, customerName, subject?, text}");
        }
        CustomerSide.Sent sent = customers.write(new CustomerSide.Draft(
                PlatformHttp.text(body, "channel"),
                PlatformHttp.text(body, "customerId"),
                PlatformHttp.text(body, "customerName"),
                PlatformHttp.text(body, "subject"),
                PlatformHttp.text(body, "text")));
        return new Written(
                sent.channel(),
                sent.accountId(),
                sent.customerId(),
                sent.seq(),
                sent.webhook().status(),
                sent.webhook().code(),
                sent.webhook().detail());
    }

    @GetMapping("/simulator/api/conversations")
    ResponseEntity<Conversation> conversation(
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String customerId,
            @RequestParam(required = false) @Nullable String customerName,
            @RequestParam(defaultValue = "0") long after) {
        Channel played = customers.channel(channel);
        String customer = customers.customerId(played, customerId, customerName);
        ChannelAccount account = customers.demoAccount(played);
        if (played == Channel.EMAIL) {
            mailboxes.collect(account, customer, false);
        }
        receipts.shown(account, customer, transcripts.after(account.id(), customer, 0));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Conversation(
                        played, account.id(), customer, transcripts.after(account.id(), customer, after)));
    }
}
