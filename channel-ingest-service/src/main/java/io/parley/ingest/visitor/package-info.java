/**
 * Visitors of the web channel: their conversations, the token that grants access to exactly one of them,
 * their messages in and the visitor-side transcript with its own sequence numbers.
 */
@NullMarked
package io.parley.ingest.visitor;

import org.jspecify.annotations.NullMarked;
