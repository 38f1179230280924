/** The gateway: the one public origin of Parley. */
@NullMarked
package io.parley.gateway;

import org.jspecify.annotations.NullMarked;
