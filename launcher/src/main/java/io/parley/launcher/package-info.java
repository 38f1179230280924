/** The launcher: the embedded Kafka broker, the embedded document store and every service, in one JVM. */
@NullMarked
package io.parley.launcher;

import org.jspecify.annotations.NullMarked;
