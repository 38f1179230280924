/**
 * {@code ./parley bench load} and {@code ./parley bench capacity}: the whole suite under a steady load of
 * conversations on every channel, measured from the outside (webhooks, sockets, a platform stub) beside raw
 * Kafka on the same broker; and the memory that idle sockets cost.
 */
@NullMarked
package io.parley.bench.load;

import org.jspecify.annotations.NullMarked;
