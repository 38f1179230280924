/**
 * The Open Enquiry panel: each staff member's current offers, kept from {@code routing.offer.v2} and shown
 * until accepted, withdrawn or past their expiry.
 */
@NullMarked
package io.parley.presence.offers;

import org.jspecify.annotations.NullMarked;
