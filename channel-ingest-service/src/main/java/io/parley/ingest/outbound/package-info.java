/**
 * Outbound messages of the messaging channels: each request sent through its channel's connector once,
 * however often it is delivered, and its fate (sent or failed, then delivered and read as the platform
 * reports) published on {@code channel.delivery-status.v1}.
 */
@NullMarked
package io.parley.ingest.outbound;

import org.jspecify.annotations.NullMarked;
