/**
 * Replies to web visitors: outbound messages of WEB conversations join the visitor's transcript, reach the
 * visitor's sockets on every instance, and are reported DELIVERED, then READ.
 */
@NullMarked
package io.parley.ingest.replies;

import org.jspecify.annotations.NullMarked;
