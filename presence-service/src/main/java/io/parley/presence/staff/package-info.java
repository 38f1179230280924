/** Staff accounts: who may log in, with which roles and how many concurrent chats. */
@NullMarked
package io.parley.presence.staff;

import org.jspecify.annotations.NullMarked;
