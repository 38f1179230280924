/** The enquiry history: filtered, newest first, paged. */
@NullMarked
package io.parley.enquiry.history;

import org.jspecify.annotations.NullMarked;
