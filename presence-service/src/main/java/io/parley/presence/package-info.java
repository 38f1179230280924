/** presence-service: staff accounts and sign-in, availability and capacity, the Open Enquiry panel and the agent socket. */
@NullMarked
package io.parley.presence;

import org.jspecify.annotations.NullMarked;
