/**
 * Follows enquiry.lifecycle.v1: the transcript from the enquiry's first message, the room going live at the
 * accept or follow-up, and closing with the enquiry.
 */
@NullMarked
package io.parley.chatroom.lifecycle;

import org.jspecify.annotations.NullMarked;
