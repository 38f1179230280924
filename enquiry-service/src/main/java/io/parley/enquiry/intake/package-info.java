/** Inbound messages become enquiries: one writer per conversation, redeliveries change nothing. */
@NullMarked
package io.parley.enquiry.intake;

import org.jspecify.annotations.NullMarked;
