/** Events of chatroom-service: rooms, their participants and their ordered messages. */
@NullMarked
package io.parley.events.chat;

import org.jspecify.annotations.NullMarked;
