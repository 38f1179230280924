/**
 * Facebook Messenger and WhatsApp (Meta's Graph platform), both ways: the signed webhooks in, normalised to
 * inbound messages and delivery statuses, and the send APIs out.
 */
@NullMarked
package io.parley.ingest.meta;

import org.jspecify.annotations.NullMarked;
