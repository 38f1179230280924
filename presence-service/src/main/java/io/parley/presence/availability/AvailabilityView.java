package io.parley.presence.availability;

import io.parley.events.presence.Availability;
import java.time.Instant;

/**
 * A staff member's availability as the API and the agent socket show it.
 *
 * @param version grows with every stored change: the socket's snapshot, its pushes and the API's answers can
 *     reach a client in any order, and the one with the highest version is the current one
 */
public record AvailabilityView(
        String staffId,
        Availability status,
        Instant lastActivityAt,
        int connectedSockets,
        int activeChats,
        int maxConcurrentChats,
        long version) {}
