/**
 * WOZTELL, both ways: the signed webhook in (its {@code channel} remembered per conversation), {@code
 * sendResponses} out.
 */
@NullMarked
package io.parley.ingest.woztell;

import org.jspecify.annotations.NullMarked;
