/** The automated welcome message of a messaging channel account, sent once when an enquiry opens on it. */
@NullMarked
package io.parley.ingest.welcome;

import org.jspecify.annotations.NullMarked;
