/** Events of presence-service: staff availability and capacity. */
@NullMarked
package io.parley.events.presence;

import org.jspecify.annotations.NullMarked;
