package io.parley.ingest.meta;

import static io.parley.ingest.meta.MetaNotification.text;

import io.parley.events.AttachmentRef;
import io.parley.ingest.meta.MetaNotification.MalformedException;
import io.parley.ingest.meta.MetaNotification.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Messenger webhook ({@code object: page}): every {@code entry[].messaging[]} event that is a
 * customer's text or attachment message, or a postback (its title is the text). The page's own echoes
 * ({@code is_echo}) and other events (deliveries, reads, reactions) are not new messages and are skipped.
 */
final class MessengerNotifications {

    private MessengerNotifications() {}

    static MetaNotification read(JsonNode root) {
        JsonNode entries = root.path("entry");
        if (!root.isObject() || !entries.isArray()) {
            throw new MalformedException("A Messenger notification is an object with an entry array");
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode entry : entries) {
            String pageId = text(entry, "id");
            for (JsonNode event : entry.path("messaging")) {
                Message message = message(pageId, event);
                if (message != null) {
                    messages.add(message);
                }
            }
        }
        return new MetaNotification(messages, List.of());
    }

    private static @Nullable Message message(@Nullable String entryPageId, JsonNode event) {
        String pageId = entryPageId != null ? entryPageId : text(event.path("recipient"), "id");
        String psid = text(event.path("sender"), "id");
        long millis = event.path("timestamp").asLong(0);
        Instant sentAt = millis > 0 ? Instant.ofEpochMilli(millis) : Instant.now();
        if (pageId == null || psid == null) {
            return null;
        }
        JsonNode message = event.path("message");
        if (message.isObject()) {
            String mid = text(message, "mid");
            if (mid == null || message.path("is_echo").asBoolean(false)) {
                return null;
            }
            List<AttachmentRef> attachments = new ArrayList<>();
            for (JsonNode attachment : message.path("attachments")) {
                String url = text(attachment.path("payload"), "url");
                if (url != null) {
                    attachments.add(new AttachmentRef(url, mediaType(text(attachment, "type")), null, null));
                }
            }
            String body = text(message, "text");
            if (body == null && attachments.isEmpty()) {
                return null;
            }
            return new Message(pageId, psid, null, mid, body, attachments, sentAt);
        }
        JsonNode postback = event.path("postback");
        if (postback.isObject()) {
            String title = text(postback, "title");
            String mid = text(postback, "mid");
            // Older postbacks carry no mid: the sender and the millisecond identify the tap.
            String id = mid != null ? mid : "postback:" + psid + ":" + millis;
            return new Message(
                    pageId, psid, null, id, title != null ? title : text(postback, "payload"), List.of(), sentAt);
        }
        return null;
    }

    private static String mediaType(@Nullable String type) {
        return switch (type == null ? "" : type) {
            case "image" -> "image/*";
            case "video" -> "video/*";
            case "audio" -> "audio/*";
            default -> "application/octet-stream";
        };
    }
}
