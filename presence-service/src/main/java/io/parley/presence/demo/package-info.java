/** The demo staff of ./parley up --demo: admin, alice and bob. */
@NullMarked
package io.parley.presence.demo;

import org.jspecify.annotations.NullMarked;
