/** The suite's health as the gateway reports it: UP only when every service, Kafka and the store answer. */
@NullMarked
package io.parley.gateway.health;

import org.jspecify.annotations.NullMarked;
