package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersion7UuidsCarryingTheirMillisecond() {
        long millis = 1_795_000_000_000L;

        UUID id = EventIds.next(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        UUID earlier = EventIds.next(1_000);
        UUID later = EventIds.next(2_000);

        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }

    @Test
    void aHundredThousandIdsInOneMillisecondAreAllDifferent() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.next(42));
        }
        assertThat(ids).hasSize(100_000);
    }
}
