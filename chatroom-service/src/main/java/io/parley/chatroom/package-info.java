/**
 * chatroom-service: rooms, participants and the ordered messages of each conversation, from the enquiry's
 * first message to the room's close.
 */
@NullMarked
package io.parley.chatroom;

import org.jspecify.annotations.NullMarked;
