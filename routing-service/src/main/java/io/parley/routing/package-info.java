/** routing-service: destinations, tags, and offering each enquiry to the staff who may serve it. */
@NullMarked
package io.parley.routing;

import org.jspecify.annotations.NullMarked;
