/** Logging concerns a service shares with the others in a one-JVM suite. */
@NullMarked
package io.parley.kit.logging;

import org.jspecify.annotations.NullMarked;
