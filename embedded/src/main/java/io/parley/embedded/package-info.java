/** The in-process Apache Kafka broker and MongoDB-wire document store of the embedded default and of tests. */
@NullMarked
package io.parley.embedded;

import org.jspecify.annotations.NullMarked;
