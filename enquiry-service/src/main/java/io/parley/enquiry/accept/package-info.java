/** Accepting an enquiry: the first staff member to whom it is offered wins, before its deadline. */
@NullMarked
package io.parley.enquiry.accept;

import org.jspecify.annotations.NullMarked;
