/** The agent console and the visitor widget, driven in Debian's Chromium through the gateway. */
@NullMarked
package io.parley.system.ui;

import org.jspecify.annotations.NullMarked;
