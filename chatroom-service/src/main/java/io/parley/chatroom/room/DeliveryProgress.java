package io.parley.chatroom.room;

import io.parley.events.DeliveryStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a staff message's delivery status may move: only forward along PENDING → SENT → DELIVERED → READ, and
 * to FAILED only before the customer's platform confirmed delivery. A FAILED message stays failed, with its
 * reason.
 */
final class DeliveryProgress {

    private DeliveryProgress() {}

    /** The statuses from which a message may move to {@code target}. */
    static Set<DeliveryStatus> movesTo(DeliveryStatus target) {
        return switch (target) {
            case PENDING -> EnumSet.noneOf(DeliveryStatus.class);
            case SENT -> EnumSet.of(DeliveryStatus.PENDING);
            case DELIVERED -> EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.SENT);
            case READ -> EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
            case FAILED -> EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.SENT);
        };
    }
}
