/** Defaults every Parley service starts with. */
@NullMarked
package io.parley.kit.config;

import org.jspecify.annotations.NullMarked;
