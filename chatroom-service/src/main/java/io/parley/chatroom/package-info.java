/** chatroom-service: rooms, participants and the ordered messages of each conversation. */
@NullMarked
package io.parley.chatroom;

import org.jspecify.annotations.NullMarked;
