package io.parley.chatroom.room;

import static io.parley.events.DeliveryStatus.DELIVERED;
import static io.parley.events.DeliveryStatus.FAILED;
import static io.parley.events.DeliveryStatus.PENDING;
import static io.parley.events.DeliveryStatus.READ;
import static io.parley.events.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A staff message's delivery status only moves forward, and a failure stays. */
class DeliveryProgressTest {

    @Test
    void eachStatusIsReachedOnlyFromTheOnesBeforeIt() {
        assertThat(DeliveryProgress.movesTo(SENT)).containsExactly(PENDING);
        assertThat(DeliveryProgress.movesTo(DELIVERED)).containsExactly(PENDING, SENT);
        assertThat(DeliveryProgress.movesTo(READ)).containsExactly(PENDING, SENT, DELIVERED);
    }

    @Test
    void nothingMovesBackToPending() {
        assertThat(DeliveryProgress.movesTo(PENDING)).isEmpty();
    }

    @Test
    void aFailureIsPossibleOnlyBeforeDeliveryAndIsFinal() {
        assertThat(DeliveryProgress.movesTo(FAILED)).containsExactly(PENDING, SENT);
        for (var status : io.parley.events.DeliveryStatus.values()) {
            assertThat(DeliveryProgress.movesTo(status)).doesNotContain(FAILED);
        }
    }
}
