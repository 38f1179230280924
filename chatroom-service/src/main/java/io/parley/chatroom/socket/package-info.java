/**
 * The room socket {@code /ws/rooms}: a staff member subscribes to a room with the last sequence number they
 * have and gets every message after it, then the live ones, in order, with no gap and no duplicate; delivery
 * statuses and the room's closing too.
 */
@NullMarked
package io.parley.chatroom.socket;

import org.jspecify.annotations.NullMarked;
