/**
 * Rooms and their transcripts: one per enquiry, kept from the enquiry's first message; every message takes
 * the room's next sequence number, with no gap and no duplicate, whoever writes it.
 */
@NullMarked
package io.parley.chatroom.room;

import org.jspecify.annotations.NullMarked;
