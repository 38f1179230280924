/**
 * What the web channel knows of tags, destinations and staff, followed from routing and presence events: the
 * material of a widget's Tag and Staff Directory.
 */
@NullMarked
package io.parley.ingest.directory;

import org.jspecify.annotations.NullMarked;
