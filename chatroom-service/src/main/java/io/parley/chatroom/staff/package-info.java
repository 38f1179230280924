/** Staff members' display names, kept from presence.staff-status.v1, for participants and system messages. */
@NullMarked
package io.parley.chatroom.staff;

import org.jspecify.annotations.NullMarked;
