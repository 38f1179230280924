/** Staff accounts: who may log in, with which roles and how many concurrent chats; the admin API that manages them. */
@NullMarked
package io.parley.presence.staff;

import org.jspecify.annotations.NullMarked;
