/** The web channel's entry points: widgets (Tag and Staff Directory, call-to-action) and web links / QR codes. */
@NullMarked
package io.parley.ingest.web;

import org.jspecify.annotations.NullMarked;
