/**
 * Availability: each staff member's status (ACTIVE, BUSY, IDLE, OFFLINE), activity, agent sockets and active
 * chats, with the automatic IDLE and OFFLINE transitions; every change is announced on {@code
 * presence.staff-status.v1}.
 */
@NullMarked
package io.parley.presence.availability;

import org.jspecify.annotations.NullMarked;
