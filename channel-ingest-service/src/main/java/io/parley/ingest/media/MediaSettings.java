package io.parley.ingest.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the media store ({@code parley.channel-ingest.media.*}).
 *
 * @param maxSize the largest file kept; the store keeps each file in one document, so this stays well
 *     under the document store's 16 MiB
 */
@ConfigurationProperties("parley.channel-ingest.media")
public record MediaSettings(@DefaultValue("10MB") DataSize maxSize) {}
