/**
 * The staff's room API: my rooms, a room with its customer and channel info, its messages in order, writing
 * a reply (which also goes out to the customer's channel) and closing the room.
 */
@NullMarked
package io.parley.chatroom.conversation;

import org.jspecify.annotations.NullMarked;
