/** Follows channel.delivery-status.v1: each staff message's delivery status, forward only, onto chat.room.v1. */
@NullMarked
package io.parley.chatroom.delivery;

import org.jspecify.annotations.NullMarked;
