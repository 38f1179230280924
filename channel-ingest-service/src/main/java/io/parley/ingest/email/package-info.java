/**
 * The email channel: each enabled email account's mailbox read over IMAP (IDLE or polling) into inbound
 * messages, one thread one conversation; staff replies sent over SMTP as threaded replies; auto-replies and
 * bounces kept from opening enquiries, a bounce of our reply reported as its failure.
 */
@NullMarked
package io.parley.ingest.email;

import org.jspecify.annotations.NullMarked;
