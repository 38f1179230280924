/** Events of enquiry-service: the lifecycle of an enquiry. */
@NullMarked
package io.parley.events.enquiry;

import org.jspecify.annotations.NullMarked;
