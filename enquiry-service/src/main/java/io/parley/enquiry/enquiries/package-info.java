/** Enquiries: their documents and the single-document conditional updates that move them through their states. */
@NullMarked
package io.parley.enquiry.enquiries;

import org.jspecify.annotations.NullMarked;
