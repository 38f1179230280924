package io.parley.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Topics;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.RoutingTimeoutEvent;
import io.parley.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Every instance's fan-out sees every new event of the topic, and none from before it started. */
class EventFanOutIT {

    private final KafkaSettings settings = new KafkaSettings(
            TestInfrastructure.kafkaBootstrap(),
            2,
            (short) 1,
            0,
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofSeconds(10),
            Duration.ofSeconds(1));
    private DefaultKafkaProducerFactory<Object, Object> producers;
    private EventPublisher publisher;

    @BeforeEach
    void publisher() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrap()))) {
            if (!admin.listTopics().names().get().contains(Topics.ROUTING_TIMEOUT.name())) {
                admin.createTopics(List.of(new NewTopic(Topics.ROUTING_TIMEOUT.name(), 2, (short) 1)))
                        .all()
                        .get();
            }
        }
        producers = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap()),
                new WireSerializer(),
                new WireSerializer());
        publisher = new EventPublisher(
                new KafkaTemplate<>(producers), new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ofSeconds(10));
    }

    @AfterEach
    void close() {
        producers.destroy();
    }

    @Test
    void twoInstancesBothSeeEveryNewEventButNoneFromBefore() {
        String before = "before-" + UUID.randomUUID();
        publisher.publishAndWait(Topics.ROUTING_TIMEOUT, before, expired(before));
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        EventFanOut<String, RoutingTimeoutEvent> one =
                new EventFanOut<>(Topics.ROUTING_TIMEOUT, settings, (key, e) -> first.add(key));
        EventFanOut<String, RoutingTimeoutEvent> two =
                new EventFanOut<>(Topics.ROUTING_TIMEOUT, settings, (key, e) -> second.add(key));
        one.start();
        two.start();
        try {
            List<String> keys = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
            keys.forEach(key -> publisher.publishAndWait(Topics.ROUTING_TIMEOUT, key, expired(key)));

            await().atMost(Duration.ofSeconds(20)).until(() -> first.containsAll(keys) && second.containsAll(keys));
            assertThat(first).doesNotContain(before);
            assertThat(second).doesNotContain(before);
        } finally {
            one.stop();
            two.stop();
        }
        assertThat(one.isRunning()).isFalse();
    }

    @Test
    void aReplayingInstanceFirstGetsTheEventsOfItsWindowThenTheNewOnes() throws Exception {
        String old = "old-" + UUID.randomUUID();
        publisher.publishAndWait(Topics.ROUTING_TIMEOUT, old, expired(old));
        Thread.sleep(3_000);
        long beforeRecent = System.currentTimeMillis();
        String recent = "recent-" + UUID.randomUUID();
        publisher.publishAndWait(Topics.ROUTING_TIMEOUT, recent, expired(recent));
        List<String> seen = new CopyOnWriteArrayList<>();
        // the window opens 1.5 s before "recent" (plus however long start() takes), well after "old"
        Duration window = Duration.ofMillis(System.currentTimeMillis() - beforeRecent + 1_500);
        EventFanOut<String, RoutingTimeoutEvent> replaying =
                EventFanOut.replaying(Topics.ROUTING_TIMEOUT, settings, window, (key, e) -> seen.add(key));
        replaying.start();
        try {
            String next = "next-" + UUID.randomUUID();
            publisher.publishAndWait(Topics.ROUTING_TIMEOUT, next, expired(next));

            await().atMost(Duration.ofSeconds(20)).until(() -> seen.containsAll(List.of(recent, next)));
            assertThat(seen).doesNotContain(old);
        } finally {
            replaying.stop();
        }
    }

    private static EnquiryWaitExpired expired(String enquiryId) {
        Instant now = Instant.now();
        return new EnquiryWaitExpired(enquiryId, new ConversationKey(Channel.WEB, "demo", "v-" + enquiryId), now, now);
    }
}
