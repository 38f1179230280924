package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lost and duplicated message counts the load benchmark reports (they must be 0 on a good run). */
class LedgerTest {

    @Test
    void everyMessageArrivedOnceIsNeitherLostNorDuplicated() {
        Ledger ledger = new Ledger();
        ledger.sent("c1 m1");
        ledger.sent("c1 s1");

        ledger.arrived("c1 m1");
        ledger.arrived("c1 s1");

        assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(2, 0, 0, 0, 0));
    }

    @Test
    void aMessageThatNeverArrivedIsLostAndNamed() {
        Ledger ledger = new Ledger();
        ledger.sent("c1 m1");
        ledger.sent("c2 m1");

        ledger.arrived("c2 m1");

        assertThat(ledger.totals().lost()).isEqualTo(1);
        assertThat(ledger.lostIds(5)).containsExactly("c1 m1");
    }

    @Test
    void aMessageThatNeverArrivedButIsStoredIsLateNotLost() {
        Ledger ledger = new Ledger();
        ledger.sent("c1 m1");
        ledger.sent("c1 m2");
        ledger.sent("c2 m1");

        ledger.arrived("c2 m1");
        ledger.stored("c1 m2");

        assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(3, 1, 1, 0, 0));
        assertThat(ledger.totals().undelivered()).isEqualTo(2);
        assertThat(ledger.lostIds(5)).containsExactly("c1 m1");
        assertThat(ledger.undeliveredIds(5)).containsExactly("c1 m1", "c1 m2");
    }

    @Test
    void waitingForEveryArrivalEndsWithTheLastOneOrTheDeadline() throws Exception {
        Ledger ledger = new Ledger();
        ledger.sent("c1 m1");
        ledger.sent("c1 s1");
        ledger.sent("c2 m1");
        ledger.refused("c2 m1");
        ledger.arrived("c1 m1");

        assertThat(ledger.awaitAllArrived(Duration.ofMillis(50))).isFalse();

        Thread.ofVirtual().start(() -> ledger.arrived("c1 s1"));
        assertThat(ledger.awaitAllArrived(Duration.ofSeconds(10))).isTrue();
        ledger.arrived("c1 s1");
        assertThat(ledger.awaitAllArrived(Duration.ZERO)).isTrue();
    }

    @Test
    void theArrivedMessagesOfSomeConversationsAreCountedOnceEach() {
        Ledger ledger = new Ledger();
        ledger.sent("c1 m1");
        ledger.sent("c7 m1");
        ledger.sent("c7 s1");
        ledger.sent("c8 m1");
        ledger.arrived("c1 m1");
        ledger.arrived("c7 m1");
        ledger.arrived("c7 m1");
        ledger.arrived("c8 m1");

        assertThat(ledger.arrived(id -> !id.startsWith("c1 "))).isEqualTo(2);
    }

    @Test
    void everyArrivalBeyondTheFirstIsADuplicate() {
        Ledger ledger = new Ledger();
        ledger.sent("c1 s1");

        ledger.arrived("c1 s1");
        ledger.arrived("c1 s1");
        int third = ledger.arrived("c1 s1");

        assertThat(third).isEqualTo(3);
        assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(1, 0, 0, 2, 0));
    }

    @Test
    void anArrivalOfAnIdNeverSentIsUnexpectedNotDelivered() {
        Ledger ledger = new Ledger();
        ledger.sent("c1 m1");

        ledger.arrived("c9 m9");

        assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(1, 1, 0, 0, 1));
    }

    @Test
    void aMessageTheSuiteRefusedIsNotCountedLost() {
        Ledger ledger = new Ledger();
        ledger.sent("c1 s1");

        ledger.refused("c1 s1");

        assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(0, 0, 0, 0, 0));
    }
}
