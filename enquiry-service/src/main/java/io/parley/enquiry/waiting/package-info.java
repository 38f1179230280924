/** How long an enquiry may wait: its destinations' maximum waiting time, learnt from routing. */
@NullMarked
package io.parley.enquiry.waiting;

import org.jspecify.annotations.NullMarked;
