/** Channel accounts: a Facebook page, a WhatsApp number, a LINE or WeChat account, a mailbox…, with their secrets. */
@NullMarked
package io.parley.ingest.account;

import org.jspecify.annotations.NullMarked;
