/**
 * The widget's visitor API: its directory (tags, staff and whether they are available, the call-to-action
 * button) and starting a conversation from a tag, a staff member, the button or a web link.
 */
@NullMarked
package io.parley.ingest.widget;

import org.jspecify.annotations.NullMarked;
