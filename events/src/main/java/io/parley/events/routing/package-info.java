/** Events of routing-service: offers, waiting-time expiry, destinations and tags. */
@NullMarked
package io.parley.events.routing;

import org.jspecify.annotations.NullMarked;
