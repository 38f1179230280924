/** Waiting for a write this instance (or another one) is about to make, without polling the store hard. */
@NullMarked
package io.parley.kit.wait;

import org.jspecify.annotations.NullMarked;
