package io.parley.events.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnquiryOffersEventTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final Customer CUSTOMER = new Customer("psid-1", "Chan Tai Man", null, null);
    private static final EntryPoint ENTRY = EntryPoint.of(EntryPoint.Type.CHANNEL, "line-1");

    @Test
    void oneRecordIsEveryStaffMembersOfferInItsOrder() {
        OffersCreated created = created(List.of("bob", "alice"));

        assertThat(created.perStaff()).containsExactly(offerTo("bob"), offerTo("alice"));
    }

    @Test
    void aWithdrawalGivesEachStaffMemberItsReason() {
        OffersWithdrawn withdrawn =
                new OffersWithdrawn(List.of("bob", "carol"), "enq-1", OfferWithdrawn.Reason.TAKEN_BY_OTHER, T0);

        assertThat(withdrawn.perStaff())
                .containsExactly(
                        new OfferWithdrawn("bob", "enq-1", OfferWithdrawn.Reason.TAKEN_BY_OTHER, T0),
                        new OfferWithdrawn("carol", "enq-1", OfferWithdrawn.Reason.TAKEN_BY_OTHER, T0));
    }

    @Test
    void aRecordForNobodyIsRefused() {
        assertThatThrownBy(() -> created(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OffersWithdrawn(List.of(), "enq-1", OfferWithdrawn.Reason.EXPIRED, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OffersCreated created(List<String> staffIds) {
        return new OffersCreated(
                staffIds,
                "enq-1",
                EnquiryType.BROADCAST,
                Channel.LINE,
                "line-1",
                ENTRY,
                CUSTOMER,
                "Hello",
                T0,
                T0.plusSeconds(60));
    }

    private static OfferCreated offerTo(String staffId) {
        return new OfferCreated(
                staffId,
                "enq-1",
                EnquiryType.BROADCAST,
                Channel.LINE,
                "line-1",
                ENTRY,
                CUSTOMER,
                "Hello",
                T0,
                T0.plusSeconds(60));
    }
}
