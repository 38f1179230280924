package io.parley.ingest.meta;

import static io.parley.ingest.meta.MetaNotification.text;

import io.parley.events.AttachmentRef;
import io.parley.events.DeliveryFailure;
import io.parley.events.DeliveryStatus;
import io.parley.ingest.meta.MetaNotification.MalformedException;
import io.parley.ingest.meta.MetaNotification.Message;
import io.parley.ingest.meta.MetaNotification.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a WhatsApp Cloud API webhook ({@code object: whatsapp_business_account}): {@code
 * entry[].changes[].value.messages[]} become customers' messages (text as is; media as a placeholder text
 * plus an attachment reference {@code whatsapp-media:<id>}; other types as a placeholder), named from {@code
 * contacts[].profile.name}; {@code statuses[]} become delivery statuses of our outbound messages.
 */
final class WhatsAppNotifications {

    static final String MEDIA_REF = "whatsapp-media:";
    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");

    private WhatsAppNotifications() {}

    static MetaNotification read(JsonNode root) {
        JsonNode entries = root.path("entry");
        if (!root.isObject() || !entries.isArray()) {
            throw new MalformedException("A WhatsApp notification is an object with an entry array");
        }
        List<Message> messages = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (JsonNode entry : entries) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String phoneNumberId = text(value.path("metadata"), "phone_number_id");
                if (phoneNumberId == null) {
                    continue;
                }
                Map<String, String> names = new HashMap<>();
                for (JsonNode contact : value.path("contacts")) {
                    String waId = text(contact, "wa_id");
                    String name = text(contact.path("profile"), "name");
                    if (waId != null && name != null) {
                        names.put(waId, name);
                    }
                }
                for (JsonNode message : value.path("messages")) {
                    Message read = message(phoneNumberId, message, names);
                    if (read != null) {
                        messages.add(read);
                    }
                }
                for (JsonNode status : value.path("statuses")) {
                    Status read = status(phoneNumberId, status);
                    if (read != null) {
                        statuses.add(read);
                    }
                }
            }
        }
        return new MetaNotification(messages, statuses);
    }

    private static @Nullable Message message(String phoneNumberId, JsonNode message, Map<String, String> names) {
        String from = text(message, "from");
        String id = text(message, "id");
        String type = text(message, "type");
        if (from == null || id == null || type == null) {
            return null;
        }
        String body;
        List<AttachmentRef> attachments = new ArrayList<>();
        if (type.equals("text")) {
            body = text(message.path("text"), "body");
        } else if (MEDIA.contains(type)) {
            JsonNode media = message.path(type);
            String mediaId = text(media, "id");
            String mimeType = text(media, "mime_type");
            if (mediaId != null) {
                attachments.add(new AttachmentRef(
                        MEDIA_REF + mediaId,
                        mimeType != null ? mimeType : "application/octet-stream",
                        text(media, "filename"),
                        null));
            }
            String caption = text(media, "caption");
            body = caption != null ? caption : "[" + type + "]";
        } else if (type.equals("button")) {
            body = text(message.path("button"), "text");
        } else if (type.equals("interactive")) {
            JsonNode interactive = message.path("interactive");
            String title = text(interactive.path("button_reply"), "title");
            body = title != null ? title : text(interactive.path("list_reply"), "title");
        } else {
            body = null;
        }
        return new Message(
                phoneNumberId,
                from,
                names.get(from),
                id,
                body != null ? body : "[" + type + "]",
                attachments,
                seconds(text(message, "timestamp")));
    }

    private static @Nullable Status status(String phoneNumberId, JsonNode status) {
        String id = text(status, "id");
        DeliveryStatus delivery = switch (String.valueOf(text(status, "status"))) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed" -> DeliveryStatus.FAILED;
            default -> null;
        };
        if (id == null || delivery == null) {
            return null;
        }
        DeliveryFailure failure = null;
        if (delivery == DeliveryStatus.FAILED) {
            JsonNode error = status.path("errors").path(0);
            failure = GraphErrors.classify(
                    400,
                    error.path("code").asInt(0),
                    0,
                    firstNonNull(text(error, "title"), text(error, "message"), "WhatsApp could not deliver it"));
        }
        return new Status(phoneNumberId, id, delivery, failure, seconds(text(status, "timestamp")));
    }

    private static String firstNonNull(@Nullable String a, @Nullable String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }

    private static Instant seconds(@Nullable String timestamp) {
        try {
            return timestamp == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }
}
