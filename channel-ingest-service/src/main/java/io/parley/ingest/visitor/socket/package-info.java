/**
 * The visitor socket {@code /ws/visitor?token=…}: a visitor's conversation, live and in order, with catch-up
 * after a reconnect and read receipts.
 */
@NullMarked
package io.parley.ingest.visitor.socket;

import org.jspecify.annotations.NullMarked;
