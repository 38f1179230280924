/** LINE Messaging API, both ways: the signed webhook in, reply (token kept per conversation) or push out. */
@NullMarked
package io.parley.ingest.line;

import org.jspecify.annotations.NullMarked;
