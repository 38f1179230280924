/**
 * WeChat Official Account, both ways: the signed (plain or AES safe-mode) XML webhook in, with the customer's
 * profile and media fetched within a time budget; customer-service messages out with the account's access
 * token, kept in one place.
 */
@NullMarked
package io.parley.ingest.wechat;

import org.jspecify.annotations.NullMarked;
