/** The channel accounts' public info (name, custom info) that staff see beside a chat, kept from channel.account.v1. */
@NullMarked
package io.parley.chatroom.channelinfo;

import org.jspecify.annotations.NullMarked;
