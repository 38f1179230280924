/** channel-ingest-service: every channel's way in and out, channel accounts, web links and visitor sessions. */
@NullMarked
package io.parley.ingest;

import org.jspecify.annotations.NullMarked;
