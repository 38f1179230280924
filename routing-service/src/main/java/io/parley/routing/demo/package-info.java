/** The demo destination {@code Support} and its tags {@code sales} and {@code support}. */
@NullMarked
package io.parley.routing.demo;

import org.jspecify.annotations.NullMarked;
