/** The service kit: infrastructure shared by every Parley service, assembled with {@link io.parley.kit.ParleyServiceConfiguration}. */
@NullMarked
package io.parley.kit;

import org.jspecify.annotations.NullMarked;
