/**
 * What every messaging-channel connector shares: raw webhook bodies read within a size limit, HMAC checks in
 * constant time, remembering which platform messages are already in Kafka, and platform calls with retries.
 */
@NullMarked
package io.parley.ingest.connector;

import org.jspecify.annotations.NullMarked;
