/** enquiry-service: enquiries and their state machine, one writer per conversation. */
@NullMarked
package io.parley.enquiry;

import org.jspecify.annotations.NullMarked;
