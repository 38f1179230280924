/**
 * The files customers send: kept here once fetched from the platform (or taken from an email), referred to
 * from events as {@code parley://channel-ingest/media/{id}} and served to staff at
 * {@code GET /api/attachments/{id}}.
 */
@NullMarked
package io.parley.ingest.media;

import org.jspecify.annotations.NullMarked;
