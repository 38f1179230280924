/**
 * What every messaging-channel connector shares: raw webhook bodies read within a size limit, HMAC checks in
 * constant time, remembering which platform messages are already in Kafka, platform calls, inbound media
 * fetched from the platforms' hosts only, and customers' profiles.
 */
@NullMarked
package io.parley.ingest.connector;

import org.jspecify.annotations.NullMarked;
