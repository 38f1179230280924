/** The demo channel accounts, widget and web link of ./parley up --demo. */
@NullMarked
package io.parley.ingest.demo;

import org.jspecify.annotations.NullMarked;
