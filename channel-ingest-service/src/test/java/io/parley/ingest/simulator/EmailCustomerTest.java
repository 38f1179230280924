package io.parley.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.events.Channel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulated email customer's address and the subject of their mail. */
class EmailCustomerTest {

    @Test
    void theAddressIsDerivedFromTheNameAtTheSimulatorsDomainAndStaysTheSame() {
        String ann = SimulatedCustomer.derivedId(Channel.EMAIL, "Ann Lee");

        assertThat(ann).matches("ann\\.lee-[0-9a-f]{8}@customer\\.parley\\.localhost");
        assertThat(SimulatedCustomer.derivedId(Channel.EMAIL, " ann lee ")).isEqualTo(ann);
        assertThat(SimulatedCustomer.derivedId(Channel.EMAIL, "Ann Leeds")).isNotEqualTo(ann);
        assertThat(SimulatedCustomer.derivedId(Channel.EMAIL, "李雷")).startsWith("customer-");
        assertThat(SimulatedCustomer.derivedId(Channel.EMAIL, "Maximilian Alexander von Habsburg-Lothringen"))
                .startsWith("maximilian.alexander-");
        assertThat(SimulatedCustomer.validAddress(ann)).isTrue();
    }

    @Test
    void onlyAnAddressAtTheSimulatorsDomainIsACustomersAddress() {
        assertThat(SimulatedCustomer.validAddress("eve@example.com")).isFalse();
        assertThat(SimulatedCustomer.validAddress("eve@evil.customer.parley.localhost"))
                .isFalse();
        assertThat(SimulatedCustomer.validAddress("@customer.parley.localhost")).isFalse();
        assertThat(SimulatedCustomer.validAddress("Eve@customer.parley.localhost"))
                .isFalse();
        assertThat(SimulatedCustomer.validAddress("eve-1@customer.parley.localhost"))
                .isTrue();
    }

    @Test
    void theSubjectIsTheOneGivenElseTheAnsweredOnesElseTheFirstWords() {
        var answered = Optional.of(new CustomerMailboxes.Received("<r1@parley.localhost>", null, "Re: Order 77"));
        var plain = Optional.of(new CustomerMailboxes.Received("<r1@parley.localhost>", null, "Your order"));

        assertThat(EmailCustomer.subject(" Refund ", answered, "text")).isEqualTo("Refund");
        assertThat(EmailCustomer.subject(null, answered, "text")).isEqualTo("Re: Order 77");
        assertThat(EmailCustomer.subject(null, plain, "text")).isEqualTo("Re: Your order");
        assertThat(EmailCustomer.subject(null, Optional.empty(), "My printer\nshows error 42"))
                .isEqualTo("My printer shows error 42");
        assertThat(EmailCustomer.subject(null, Optional.empty(), "word ".repeat(30)))
                .hasSizeLessThanOrEqualTo(61)
                .endsWith("word…");
    }
}
