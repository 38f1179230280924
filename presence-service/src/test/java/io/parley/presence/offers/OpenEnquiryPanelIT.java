package io.parley.presence.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.kit.kafka.EventPublisher;
import io.parley.presence.RunningPresence;
import io.parley.presence.staff.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The Open Enquiry panel from {@code routing.offer.v2}, read over {@code GET /api/enquiries/offers}. */
class OpenEnquiryPanelIT extends RunningPresence {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EventPublisher publisher;

    @Autowired
    OpenOffers offers;

    @Autowired
    io.parley.kit.kafka.KafkaSettings kafka;

    @Test
    void offersAreShownOldestFirstWithCustomerPreviewAndTimes() throws Exception {
        Staff alice = newStaff(Role.STAFF);
        // the store keeps milliseconds
        Instant now = CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
        OfferCreated newer = offer(alice.id(), now.minusSeconds(5), now.plusSeconds(55));
        OfferCreated older = offer(alice.id(), now.minusSeconds(10), now.plusSeconds(50));

        OfferMother.publish(publisher, newer);
        OfferMother.publish(publisher, older);

        await().atMost(WAIT).until(() -> offers.of(alice.id()).size() == 2);
        HttpResponse<String> response = get("/api/enquiries/offers", alice.token());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> panel = json(response).valueStream().toList();
        assertThat(panel)
                .extracting(n -> n.path("enquiryId").asString())
                .containsExactly(older.enquiryId(), newer.enquiryId());
        JsonNode first = panel.getFirst();
        assertThat(first.path("type").asString()).isEqualTo("BROADCAST");
        assertThat(first.path("channel").asString()).isEqualTo("WHATSAPP");
        assertThat(first.path("entryPoint").path("type").asString()).isEqualTo("TAG");
        assertThat(first.path("customer").path("name").asString()).isEqualTo("Customer Name");
        assertThat(first.path("customer").path("avatarUrl").asString()).isEqualTo("https://img.example/c.png");
        assertThat(first.path("preview").asString()).isEqualTo("Hello, I need help");
        assertThat(Instant.parse(first.path("offeredAt").asString())).isEqualTo(older.offeredAt());
        assertThat(Instant.parse(first.path("expiresAt").asString())).isEqualTo(older.expiresAt());
    }

    @Test
    void anOfferCreatedTwiceIsOneOffer() {
        String staffId = "staff-" + UUID.randomUUID();
        OfferCreated created = offer(staffId, CLOCK.instant(), CLOCK.instant().plusSeconds(60));
        OfferCreated marker =
                offer(staffId, CLOCK.instant().plusSeconds(1), CLOCK.instant().plusSeconds(60));

        OfferMother.publish(publisher, created);
        OfferMother.publish(publisher, created);
        OfferMother.publish(publisher, marker);

        await().atMost(WAIT)
                .until(() ->
                        offers.of(staffId).stream().anyMatch(o -> o.enquiryId().equals(marker.enquiryId())));
        assertThat(offers.of(staffId))
                .extracting(OfferView::enquiryId)
                .containsExactly(created.enquiryId(), marker.enquiryId());
    }

    @Test
    void aWithdrawnOfferLeavesThePanelAndAWithdrawalOfAnUnknownOfferChangesNothing() {
        String staffId = "staff-" + UUID.randomUUID();
        OfferCreated kept = offer(staffId, CLOCK.instant(), CLOCK.instant().plusSeconds(60));
        OfferCreated taken =
                offer(staffId, CLOCK.instant().plusSeconds(1), CLOCK.instant().plusSeconds(60));
        OfferMother.publish(publisher, kept);
        OfferMother.publish(publisher, taken);
        await().atMost(WAIT).until(() -> offers.of(staffId).size() == 2);

        OfferMother.publish(
                publisher, new OfferWithdrawn(staffId, "enq-unknown", OfferWithdrawn.Reason.EXPIRED, CLOCK.instant()));
        OfferMother.publish(
                publisher,
                new OfferWithdrawn(staffId, taken.enquiryId(), OfferWithdrawn.Reason.TAKEN_BY_OTHER, CLOCK.instant()));

        await().atMost(WAIT).until(() -> offers.of(staffId).size() == 1);
        assertThat(offers.of(staffId)).extracting(OfferView::enquiryId).containsExactly(kept.enquiryId());
    }

    @Test
    void anOfferPastItsExpiryIsNotShown() {
        String staffId = "staff-" + UUID.randomUUID();
        OfferCreated expiring = offer(staffId, CLOCK.instant(), CLOCK.instant().plusSeconds(60));
        OfferCreated later = offer(staffId, CLOCK.instant(), CLOCK.instant().plusSeconds(600));
        OfferMother.publish(publisher, expiring);
        OfferMother.publish(publisher, later);
        await().atMost(WAIT).until(() -> offers.of(staffId).size() == 2);

        CLOCK.advance(Duration.ofSeconds(61));

        assertThat(offers.of(staffId)).extracting(OfferView::enquiryId).containsExactly(later.enquiryId());
    }

    @Test
    void anInstanceStartedLaterRebuildsTheOpenOffersFromTheTopic() {
        String staffId = "staff-" + UUID.randomUUID();
        OfferCreated open = offer(staffId, CLOCK.instant(), CLOCK.instant().plusSeconds(600));
        OfferCreated taken = offer(staffId, CLOCK.instant(), CLOCK.instant().plusSeconds(600));
        OfferMother.publish(publisher, open);
        OfferMother.publish(publisher, taken);
        OfferMother.publish(
                publisher,
                new OfferWithdrawn(staffId, taken.enquiryId(), OfferWithdrawn.Reason.TAKEN_BY_OTHER, CLOCK.instant()));
        await().atMost(WAIT).until(() -> offers.of(staffId).size() == 1);

        // what a restarted presence instance builds: its own view, read from the topic's recent events
        OpenOffers restarted = new OpenOffers(CLOCK);
        var fanOut = new OfferPushes().offerPushFanOut(kafka, restarted, event -> {}, CLOCK, Duration.ofMinutes(65));
        fanOut.start();
        try {
            await().atMost(WAIT).until(() -> !restarted.of(staffId).isEmpty());
            await().during(Duration.ofSeconds(1))
                    .atMost(WAIT)
                    .until(() -> restarted.of(staffId).size() == 1);
            assertThat(restarted.of(staffId)).extracting(OfferView::enquiryId).containsExactly(open.enquiryId());
        } finally {
            fanOut.stop();
        }
    }

    private static OfferCreated offer(String staffId, Instant offeredAt, Instant expiresAt) {
        return OfferMother.offer(staffId, offeredAt, expiresAt);
    }
}
