package io.parley.events.routing;

/**
 * Topic {@code routing.destination.v1} (compacted): snapshots of destinations (keyed by destination id) and
 * of tags (keyed by tag id); ids are unique across both.
 */
public sealed interface DestinationEvent permits DestinationPublished, DestinationRemoved, TagPublished, TagRemoved {}
