package io.parley.ingest.wechat;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One WeChat push, as its XML elements name it.
 *
 * @param fromUser the customer's openid
 * @param createTime when it was sent, in seconds
 * @param type {@code text}, {@code image}, {@code voice}, {@code video}, {@code shortvideo}, {@code location},
 *     {@code link} or {@code event}
 * @param msgId the message's id (absent on events)
 * @param mediaId the temporary media of an image, voice or video
 */
record WeChatMessage(
        String fromUser,
        long createTime,
        String type,
        @Nullable String content,
        @Nullable String msgId,
        @Nullable String mediaId,
        @Nullable String event) {

    /** The message from its XML elements. */
    static WeChatMessage of(Map<String, String> fields) throws WeChatXml.MalformedXmlException {
        String from = fields.get("FromUserName");
        String type = fields.get("MsgType");
        if (from == null || from.isEmpty() || type == null || type.isEmpty()) {
            throw new WeChatXml.MalformedXmlException("A WeChat message has FromUserName and MsgType");
        }
        long createTime;
        try {
            createTime = Long.parseLong(fields.getOrDefault("CreateTime", "0"));
        } catch (NumberFormatException e) {
            throw new WeChatXml.MalformedXmlException("CreateTime is not a number");
        }
        return new WeChatMessage(
                from,
                createTime,
                type,
                fields.get("Content"),
                blankToNull(fields.get("MsgId")),
                blankToNull(fields.get("MediaId")),
                fields.get("Event"));
    }

    boolean isEvent() {
        return "event".equals(type);
    }

    /** When it was sent, else {@code fallback}. */
    Instant sentAt(Instant fallback) {
        return createTime > 0 ? Instant.ofEpochSecond(createTime) : fallback;
    }

    /** The id a re-delivery repeats: its MsgId, else (events) the sender and time. */
    String dedupId() {
        return msgId != null ? msgId : fromUser + ":" + createTime;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
