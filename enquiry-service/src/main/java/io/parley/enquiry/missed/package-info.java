/** Missed enquiries: the deadline passed with nobody accepting; a follow-up turns one into a room. */
@NullMarked
package io.parley.enquiry.missed;

import org.jspecify.annotations.NullMarked;
