/**
 * The built-in channel simulator of demo mode ({@code /simulator}): a page where a person plays the customer
 * on each demo channel (the simulator signs that platform's webhook with the demo account's secret and posts
 * it to this service's own webhook endpoint over real HTTP) and a stand-in for the platforms' send APIs that
 * the demo accounts call, keeping the replies for the page to show. On email the customer's mail goes over SMTP
 * to the demo mailbox on the demo mail server, and the replies are read from the customer's own mailbox there
 * over IMAP. It acts only for the demo accounts and is switched off (every path 404) outside demo mode.
 */
@NullMarked
package io.parley.ingest.simulator;

import org.jspecify.annotations.NullMarked;
