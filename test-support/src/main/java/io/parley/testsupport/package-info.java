/** Shared test fixtures: one in-process Kafka broker and document store per test JVM, and free ports. */
@NullMarked
package io.parley.testsupport;

import org.jspecify.annotations.NullMarked;
