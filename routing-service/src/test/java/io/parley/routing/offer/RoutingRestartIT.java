package io.parley.routing.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.Envelope;
import io.parley.events.Topic;
import io.parley.events.Topics;
import io.parley.events.enquiry.CustomerMessage;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.events.presence.Availability;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.routing.DestinationPublished;
import io.parley.events.routing.DistributionMethod;
import io.parley.events.routing.EnquiryOffersEvent;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.events.routing.RoutingTimeoutEvent;
import io.parley.kit.kafka.EventPublisher;
import io.parley.routing.RoutingServiceApplication;
import io.parley.testsupport.TestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * routing-service on the in-process broker: offers go out when an enquiry opens, and its deadline still
 * fires when routing-service is restarted while the enquiry waits — on time if it is back before the
 * deadline, at once if the deadline passed while it was down.
 */
class RoutingRestartIT {

    @TempDir
    Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void deadlinesSurviveARestartOfRoutingService() {
        ConfigurableApplicationContext routing = startRouting();
        EventPublisher events = routing.getBean(EventPublisher.class);
        String staff = "staff-" + run;
        String tag = "tag-" + run;
        events.publishAndWait(
                Topics.ROUTING_DESTINATION,
                "dest-" + run,
                new DestinationPublished(
                        "dest-" + run,
                        "Restart test",
                        List.of(staff),
                        List.of(tag),
                        List.of(),
                        false,
                        DistributionMethod.SIMULTANEOUS,
                        Duration.ofSeconds(60),
                        Instant.now()));
        events.publishAndWait(
                Topics.PRESENCE_STAFF_STATUS,
                staff,
                new StaffStatusChanged(staff, "Restart tester", null, Availability.ACTIVE, 5, 0, Instant.now()));

        Instant now = Instant.now();
        String backInTime = open(events, tag, now.plusSeconds(12));
        String passesWhileDown = open(events, tag, now.plusSeconds(4));
        try (Outputs outputs = new Outputs()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> outputs.offered(staff).containsAll(List.of(backInTime, passesWhileDown)));

            routing.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(now.plusSeconds(5)));
            startRouting();

            EnquiryWaitExpired late = await().atMost(Duration.ofSeconds(30))
                    .until(() -> outputs.expired(passesWhileDown), e -> e != null);
            EnquiryWaitExpired onTime =
                    await().atMost(Duration.ofSeconds(30)).until(() -> outputs.expired(backInTime), e -> e != null);

            assertThat(late.firedAt()).isAfter(late.deadline());
            assertThat(Duration.between(onTime.deadline(), onTime.firedAt()))
                    .as("lateness of a deadline reached while routing runs")
                    .isLessThan(Duration.ofMillis(250));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> outputs.withdrawnForExpiry(staff).containsAll(List.of(backInTime, passesWhileDown)));
        }
    }

    private ConfigurableApplicationContext startRouting() {
        ConfigurableApplicationContext context = RoutingServiceApplication.application()
                .run(TestInfrastructure.serviceArgs(
                        "routing-restart-" + run,
                        "--parley.routing.state-dir=" + stateDir,
                        "--parley.routing.application-id=routing-restart-" + run));
        contexts.add(context);
        RoutingStreams streams = context.getBean(RoutingStreams.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return context;
    }

    private String open(EventPublisher events, String tag, Instant deadline) {
        String enquiryId = "enq-" + UUID.randomUUID();
        ConversationKey conversation = new ConversationKey(Channel.WEB, "demo", "visitor-" + enquiryId);
        Instant now = Instant.now();
        events.publishAndWait(
                Topics.ENQUIRY_LIFECYCLE,
                enquiryId,
                new EnquiryOpened(
                        enquiryId,
                        conversation,
                        Channel.WEB,
                        "demo",
                        EnquiryType.BROADCAST,
                        EntryPoint.of(EntryPoint.Type.TAG, tag),
                        tag,
                        new Customer("visitor-" + enquiryId, "Visitor", null, null),
                        new CustomerMessage("m-" + enquiryId, "Hello", List.of(), now),
                        now,
                        deadline));
        return enquiryId;
    }

    /** Reads the routing outputs from the broker, as presence-service and enquiry-service will. */
    private final class Outputs implements AutoCloseable {

        private final KafkaConsumer<String, Envelope<EnquiryOffersEvent>> offers = consumer(Topics.ROUTING_OFFER);
        private final KafkaConsumer<String, Envelope<RoutingTimeoutEvent>> timeouts = consumer(Topics.ROUTING_TIMEOUT);
        private final List<OfferEvent> offerEvents = new CopyOnWriteArrayList<>();
        private final List<EnquiryWaitExpired> expiries = new CopyOnWriteArrayList<>();

        private <E> KafkaConsumer<String, Envelope<E>> consumer(Topic<String, E> topic) {
            KafkaConsumer<String, Envelope<E>> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestInfrastructure.kafkaBootstrap(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "routing-restart-reader-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"),
                    topic.keySerde().deserializer(),
                    topic.valueSerde().deserializer());
            consumer.subscribe(List.of(topic.name()));
            return consumer;
        }

        private void poll() {
            offers.poll(Duration.ofMillis(100))
                    .forEach(r -> offerEvents.addAll(r.value().payload().perStaff()));
            timeouts.poll(Duration.ofMillis(100)).forEach(r -> {
                if (r.value().payload() instanceof EnquiryWaitExpired expired) {
                    expiries.add(expired);
                }
            });
        }

        List<String> offered(String staffId) {
            poll();
            return offerEvents.stream()
                    .filter(e -> e instanceof OfferCreated c && c.staffId().equals(staffId))
                    .map(OfferEvent::enquiryId)
                    .toList();
        }

        List<String> withdrawnForExpiry(String staffId) {
            poll();
            return offerEvents.stream()
                    .filter(e -> e instanceof OfferWithdrawn w
                            && w.staffId().equals(staffId)
                            && w.reason() == OfferWithdrawn.Reason.EXPIRED)
                    .map(OfferEvent::enquiryId)
                    .toList();
        }

        EnquiryWaitExpired expired(String enquiryId) {
            poll();
            return expiries.stream()
                    .filter(e -> e.enquiryId().equals(enquiryId))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public void close() {
            offers.close();
            timeouts.close();
        }
    }
}
