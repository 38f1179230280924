package io.parley.presence.availability;

import io.parley.events.presence.Availability;
import java.time.Instant;

/** A staff member's availability as the API and the agent socket show it. */
public record AvailabilityView(
        String staffId,
        Availability status,
        Instant lastActivityAt,
        int connectedSockets,
        int activeChats,
        int maxConcurrentChats) {}
