/** A closed room closes its enquiry. */
@NullMarked
package io.parley.enquiry.closing;

import org.jspecify.annotations.NullMarked;
