/** Publishing and consuming Parley events: typed topics, one consumer error policy with dead-letter topics, logs and metrics per event. */
@NullMarked
package io.parley.kit.kafka;

import org.jspecify.annotations.NullMarked;
