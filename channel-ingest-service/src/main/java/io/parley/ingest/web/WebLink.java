package io.parley.ingest.web;

import org.bson.codecs.pojo.annotations.BsonId;

/** A link (and its QR code) that opens a chat page starting an enquiry on one tag. */
public record WebLink(@BsonId String id, String title, String tagId) {}
