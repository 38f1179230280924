package io.parley.enquiry.enquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Customer;
import io.parley.events.EnquiryType;
import io.parley.events.EntryPoint;
import io.parley.events.Topics;
import io.parley.events.enquiry.EnquiryAccepted;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.kit.kafka.EventPublisher;
import io.parley.kit.kafka.WireSerializer;
import io.parley.testsupport.TestInfrastructure;
import io.parley.testsupport.TopicTap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** A transition made while Kafka cannot take its event keeps the event, and the relay sends it later. */
class LifecycleOutboxIT {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private MongoClient mongo;
    private Enquiries enquiries;
    private final List<DefaultKafkaProducerFactory<Object, Object>> producers = new java.util.ArrayList<>();

    @BeforeEach
    void store() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
        enquiries = new Enquiries(mongo.getDatabase("outbox-it-" + run));
    }

    @AfterEach
    void close() {
        producers.forEach(DefaultKafkaProducerFactory::destroy);
        mongo.close();
    }

    @Test
    void anAcceptMadeWhileKafkaIsAwayStandsAndItsEventGoesOutWhenKafkaIsBack() {
        String enquiryId = "enq-" + run;
        Instant now = Instant.now();
        enquiries.insert(openEnquiry(enquiryId, now));
        LifecycleOutbox awayOutbox = new LifecycleOutbox(
                enquiries, publisher("127.0.0.1:" + TestInfrastructure.freePort()), Clock.systemUTC());
        String event = awayOutbox.encode(new EnquiryAccepted(
                enquiryId, ConversationKey.parse("web:demo:v-" + run), "alice", "room-" + run, now));

        Enquiry accepted =
                enquiries.accept(enquiryId, "alice", "room-" + run, now, event).orElseThrow();
        boolean deliveredAtOnce = awayOutbox.deliver(accepted, event);

        assertThat(deliveredAtOnce).isFalse();
        Enquiry stored = enquiries.byId(enquiryId).orElseThrow();
        assertThat(stored.state()).isEqualTo(EnquiryState.ONGOING);
        assertThat(stored.outbox()).containsExactly(event);

        try (TopicTap<String, EnquiryEvent> lifecycle = TopicTap.on(Topics.ENQUIRY_LIFECYCLE)) {
            new LifecycleOutbox(enquiries, publisher(TestInfrastructure.kafkaBootstrap()), Clock.systemUTC()).relay();

            EnquiryAccepted sent =
                    lifecycle.await(EnquiryAccepted.class, e -> e.enquiryId().equals(enquiryId));
            assertThat(sent.roomId()).isEqualTo("room-" + run);
            assertThat(enquiries.byId(enquiryId).orElseThrow().outbox()).isEmpty();
            String eventId = Topics.ENQUIRY_LIFECYCLE
                    .codec()
                    .decode("t", event.getBytes(StandardCharsets.UTF_8))
                    .eventId()
                    .toString();
            assertThat(eventId)
                    .as("the relay sends the very event the transition stored")
                    .isNotBlank();
        }
    }

    @Test
    void anEventQueuedBehindAnotherIsRelayedWithoutSearchingTheStore() {
        // The sweep of the store is due only at the first run, then in an hour: what follows must not need it.
        LifecycleOutbox outbox = new LifecycleOutbox(
                enquiries, publisher(TestInfrastructure.kafkaBootstrap()), Clock.systemUTC(), Duration.ofHours(1));
        outbox.relay();
        String enquiryId = "enq-behind-" + run;
        Instant now = Instant.now();
        enquiries.insert(openEnquiry(enquiryId, now));
        ConversationKey conversation = ConversationKey.parse("web:demo:v-" + run);
        // Two transitions' events in the outbox before either is delivered: the second is not first in line.
        String first = outbox.encode(new EnquiryAccepted(enquiryId, conversation, "alice", "room-1-" + run, now));
        String second = outbox.encode(new EnquiryAccepted(enquiryId, conversation, "bob", "room-2-" + run, now));
        enquiries.queue(enquiryId, first).orElseThrow();
        Enquiry both = enquiries.queue(enquiryId, second).orElseThrow();

        assertThat(outbox.deliver(both, second)).isFalse();

        try (TopicTap<String, EnquiryEvent> lifecycle = TopicTap.on(Topics.ENQUIRY_LIFECYCLE)) {
            outbox.relay();

            assertThat(lifecycle
                            .await(EnquiryAccepted.class, e -> e.roomId().equals("room-1-" + run))
                            .staffId())
                    .isEqualTo("alice");
            assertThat(lifecycle
                            .await(EnquiryAccepted.class, e -> e.roomId().equals("room-2-" + run))
                            .staffId())
                    .isEqualTo("bob");
            assertThat(enquiries.byId(enquiryId).orElseThrow().outbox()).isEmpty();
        }
    }

    private EventPublisher publisher(String bootstrap) {
        var factory = new DefaultKafkaProducerFactory<Object, Object>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000),
                new WireSerializer(),
                new WireSerializer());
        producers.add(factory);
        return new EventPublisher(
                new KafkaTemplate<>(factory), new SimpleMeterRegistry(), Clock.systemUTC(), Duration.ofSeconds(2));
    }

    private static Enquiry openEnquiry(String id, Instant now) {
        return new Enquiry(
                id,
                "web:demo:v-" + id,
                Channel.WEB,
                "demo",
                EnquiryType.BROADCAST,
                EntryPoint.of(EntryPoint.Type.TAG, "sales"),
                "sales",
                new Customer("v-" + id, "Visitor", null, null),
                "Hello",
                EnquiryState.OPEN,
                now,
                now.plusSeconds(60),
                List.of("alice"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }
}
