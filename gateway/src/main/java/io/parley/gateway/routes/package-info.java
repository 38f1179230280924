/** Which public path goes to which service, with each route's fallback and retry rules. */
@NullMarked
package io.parley.gateway.routes;

import org.jspecify.annotations.NullMarked;
