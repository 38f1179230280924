package io.parley.ingest.visitor;

/** A conversation's transcript has (or may have) new messages: open sockets of it catch up. */
public record TranscriptAppended(String conversationId) {}
