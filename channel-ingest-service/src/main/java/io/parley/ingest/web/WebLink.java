package io.parley.ingest.web;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A link (and its QR code) that opens a chat page starting an enquiry on one tag.
 *
 * @param widgetId the widget whose conversations the link's chats are: their conversation key is {@code
 *     web:<widgetId>:<conversationId>}
 */
public record WebLink(@BsonId String id, String title, String tagId, String widgetId) {}
