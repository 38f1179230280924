/** Events of channel-ingest-service: inbound and outbound messages, delivery statuses, channel accounts. */
@NullMarked
package io.parley.events.channel;

import org.jspecify.annotations.NullMarked;
