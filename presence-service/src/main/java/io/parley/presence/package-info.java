/** presence-service: staff accounts, roles, availability and capacity. */
@NullMarked
package io.parley.presence;

import org.jspecify.annotations.NullMarked;
