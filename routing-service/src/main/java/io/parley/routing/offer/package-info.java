/**
 * Offering: the Kafka Streams topology that turns the enquiry lifecycle, staff presence and destinations
 * into offers and waiting-time expiries.
 */
@NullMarked
package io.parley.routing.offer;

import org.jspecify.annotations.NullMarked;
