package io.parley.ingest.simulator;

import io.parley.events.Channel;
import io.parley.events.DeliveryStatus;
import io.parley.ingest.account.ChannelAccount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A WhatsApp customer's message: {@code object: whatsapp_business_account} with one {@code messages} change
 * for the demo number ({@code metadata.phone_number_id}), the customer's profile name in {@code contacts},
 * signed like Messenger with the app secret. Also the {@code statuses} notification WhatsApp sends when the
 * customer's phone has received and read a message.
 */
@Component
class WhatsAppCustomer implements CustomerWebhook {

    static final String WABA_ID = "demo-waba";

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public String label() {
        return "WhatsApp";
    }

    @Override
    public Request build(ChannelAccount account, SimulatedCustomer customer, String text, Instant at) {
        Map<String, Object> message = Map.of(
                "from", customer.id(),
                "id", "wamid.SIM" + UUID.randomUUID().toString().replace("-", ""),
                "timestamp", Long.toString(at.getEpochSecond()),
                "type", "text",
                "text", Map.of("body", text));
        return signed(
                account,
                Map.of(
                        "messaging_product", "whatsapp",
                        "metadata", metadata(account),
                        "contacts", List.of(Map.of("profile", Map.of("name", customer.name()), "wa_id", customer.id())),
                        "messages", List.of(message)));
    }

    /** The notification that the customer's phone has {@code status} (delivered, read) the business's messages. */
    Request statuses(
            ChannelAccount account, String customerId, List<String> messageIds, DeliveryStatus status, Instant at) {
        List<Map<String, Object>> statuses = messageIds.stream()
                .map(id -> Map.<String, Object>of(
                        "id",
                        id,
                        "status",
                        status.name().toLowerCase(Locale.ROOT),
                        "timestamp",
                        Long.toString(at.getEpochSecond()),
                        "recipient_id",
                        customerId))
                .toList();
        return signed(
                account, Map.of("messaging_product", "whatsapp", "metadata", metadata(account), "statuses", statuses));
    }

    private static Map<String, Object> metadata(ChannelAccount account) {
        return Map.of("display_phone_number", "15550000000", "phone_number_id", account.id());
    }

    private static Request signed(ChannelAccount account, Map<String, Object> value) {
        byte[] body = CustomerWebhook.json(Map.of(
                "object",
                "whatsapp_business_account",
                "entry",
                List.of(Map.of("id", WABA_ID, "changes", List.of(Map.of("field", "messages", "value", value))))));
        return new Request(
                "/webhooks/whatsapp",
                "application/json",
                Map.of("X-Hub-Signature-256", MessengerCustomer.metaSignature(account, body)),
                body);
    }
}
