package io.parley.ingest.thirdparty;

import io.parley.events.AttachmentRef;
import io.parley.events.Customer;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.kit.web.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body our third-party contract expects on {@code POST /webhooks/third-party/{accountId}}:
 *
 * <pre>{@code
 * {"customer": {"id": "c-42", "name": "Ann", "avatarUrl": "https://…", "email": "ann@example.com"},
 *  "message":  {"id": "msg-1", "text": "Hello",
 *               "attachments": [{"url": "https://…/a.png", "mediaType": "image/png",
 *                                "fileName": "a.png", "sizeBytes": 1234}],
 *               "sentAt": "2025-01-31T10:15:30Z"}}
 * }</pre>
 *
 * {@code customer.id} and {@code message.id} are required (at most 256 characters); the message needs a
 * {@code text} (at most 10 000 characters) or at least one attachment with an http(s) {@code url}; every
 * other field is optional ({@code mediaType} defaults to {@code application/octet-stream}, {@code sentAt} to
 * the time of receipt). Unknown fields are ignored. Anything else is {@code 400 webhook.malformed}.
 */
record ThirdPartyMessage(
        Customer customer, String messageId, @Nullable String text, List<AttachmentRef> attachments, Instant sentAt) {

    static final int MAX_ID = 256;
    static final int MAX_TEXT = 10_000;

    static ThirdPartyMessage read(JsonNode root, Instant receivedAt) {
        JsonNode customer = root.path("customer");
        JsonNode message = root.path("message");
        if (!root.isObject() || !customer.isObject() || !message.isObject()) {
            throw malformed("The body is an object with customer and message objects");
        }
        String customerId = id(customer, "customer.id");
        String messageId = id(message, "message.id");
        String text = PlatformHttp.text(message, "text");
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw malformed("message.text is blank or longer than " + MAX_TEXT + " characters");
        }
        List<AttachmentRef> attachments = new ArrayList<>();
        JsonNode listed = message.path("attachments");
        if (!listed.isMissingNode() && !listed.isNull() && !listed.isArray()) {
            throw malformed("message.attachments is a list");
        }
        for (JsonNode attachment : listed) {
            String url = PlatformHttp.text(attachment, "url");
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://")) || url.length() > 2048) {
                throw malformed("Every attachment has an http(s) url");
            }
            String mediaType = PlatformHttp.text(attachment, "mediaType");
            long size = attachment.path("sizeBytes").asLong(-1);
            attachments.add(new AttachmentRef(
                    url,
                    mediaType != null ? mediaType : "application/octet-stream",
                    PlatformHttp.text(attachment, "fileName"),
                    size >= 0 ? size : null));
        }
        if (text == null && attachments.isEmpty()) {
            throw malformed("The message has a text or attachments");
        }
        Instant sentAt = receivedAt;
        String sent = PlatformHttp.text(message, "sentAt");
        if (sent != null) {
            try {
                sentAt = Instant.parse(sent);
            } catch (DateTimeParseException e) {
                throw malformed("message.sentAt is an ISO-8601 instant");
            }
        }
        return new ThirdPartyMessage(
                new Customer(
                        customerId,
                        PlatformHttp.text(customer, "name"),
                        PlatformHttp.text(customer, "avatarUrl"),
                        PlatformHttp.text(customer, "email")),
                messageId,
                text,
                attachments,
                sentAt);
    }

    private static String id(JsonNode node, String name) {
        String field = name.substring(name.indexOf('.') + 1);
        String id = PlatformHttp.text(node, field);
        if (id == null || id.isBlank() || id.length() > MAX_ID) {
            throw malformed(name + " is required (at most " + MAX_ID + " characters)");
        }
        return id;
    }

    private static Problem malformed(String detail) {
        return Problem.badRequest("webhook.malformed", detail);
    }
}
