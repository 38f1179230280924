/** Destinations and tags: which staff serve which tags, channel accounts and direct enquiries. */
@NullMarked
package io.parley.routing.destination;

import org.jspecify.annotations.NullMarked;
