/**
 * Third-party systems on our own contract, both ways: Standard Webhooks signed messages in, signed callbacks
 * out with retries, and the dead letters an admin lists and replays.
 */
@NullMarked
package io.parley.ingest.thirdparty;

import org.jspecify.annotations.NullMarked;
