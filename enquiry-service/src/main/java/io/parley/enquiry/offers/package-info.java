/** Whom each enquiry is offered to, as routing says on routing.offer.v2: only they may accept it. */
@NullMarked
package io.parley.enquiry.offers;

import org.jspecify.annotations.NullMarked;
