package io.parley.ingest.meta;

import io.parley.events.AttachmentRef;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What one verified Meta webhook request says, platform-neutral: the customers' messages and the statuses of
 * our own outbound messages, each naming the page or phone number (the channel account) it is for.
 */
record MetaNotification(List<Message> messages, List<Status> statuses) {

    MetaNotification {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
    }

    /**
     * A customer's message.
     *
     * @param accountId the page id or phone number id it was sent to
     * @param customerId the PSID or wa_id of the sender
     * @param platformMessageId {@code mid} or {@code wamid}: the key for recognising a re-delivery
     */
    record Message(
            String accountId,
            String customerId,
            @Nullable String customerName,
            String platformMessageId,
            @Nullable String text,
            List<AttachmentRef> attachments,
            Instant sentAt) {

        Message {
            attachments = List.copyOf(attachments);
        }
    }

    /** What became of one of our outbound messages, by the platform's id of it. */
    record Status(
            String accountId,
            String platformMessageId,
            DeliveryStatus status,
            @Nullable DeliveryFailure failure,
            Instant at) {}

    /** A field's scalar value as text; null when absent, null or not a scalar. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    /** Refused before anything is published: the request is not the JSON shape the platform sends. */
    static final class MalformedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }
}
