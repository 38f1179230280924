/** The event contracts of Parley: every topic, its key and value types, and the JSON envelope they travel in. */
@NullMarked
package io.parley.events;

import org.jspecify.annotations.NullMarked;
