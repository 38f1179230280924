package io.parley.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Envelope;
import io.parley.events.EventHeaders;
import io.parley.events.Topics;
import io.parley.events.routing.DestinationEvent;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.RoutingTimeoutEvent;
import io.parley.events.routing.TagPublished;
import io.parley.events.routing.TagRemoved;
import io.parley.kit.testapp.KitTestApplication;
import io.parley.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The kit's one error policy on a real broker: typed delivery, bounded retries, the consumer group's
 * dead-letter topic with the original record, poison pills parked without stopping the consumer, unknown
 * event types skipped, and a subscription's event-type filter.
 */
@SpringBootTest(
        classes = {KitTestApplication.class, EventPolicyIT.Subscriptions.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.application.name=" + EventPolicyIT.GROUP,
            "parley.mongo.database=event-policy-it",
            "parley.kafka.retries=2",
            "parley.kafka.retry-backoff=50ms",
            "parley.kafka.max-retry-backoff=100ms"
        })
class EventPolicyIT {

    static final String GROUP = "event-policy-it";
    static final String TOPIC = Topics.ROUTING_TIMEOUT.name();
    static final String DEAD_LETTER_TOPIC = Topics.ROUTING_TIMEOUT.deadLetterTopic(GROUP);
    static final String DESTINATIONS = Topics.ROUTING_DESTINATION.name();
    static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @Autowired
    EventPublisher events;

    @Autowired
    RecordingHandler handler;

    @Autowired
    TagRemovals tagRemovals;

    @Autowired
    MeterRegistry meters;

    @Test
    void publishedEventReachesTheHandlerWithItsEnvelopeAndTypedKey() {
        String key = uniqueKey();
        EnquiryWaitExpired event = waitExpired(key);

        Envelope<RoutingTimeoutEvent> published = events.publishAndWait(Topics.ROUTING_TIMEOUT, key, event);

        await().atMost(KAFKA_WAIT).until(() -> handler.callsFor(key), calls -> !calls.isEmpty());
        Call call = handler.callsFor(key).getFirst();
        assertThat(call.key()).isInstanceOf(String.class).isEqualTo(key);
        assertThat(call.event().eventId()).isEqualTo(published.eventId());
        assertThat(call.event().type()).isEqualTo("routing.wait-expired");
        assertThat(call.event().occurredAt()).isEqualTo(published.occurredAt());
        assertThat(call.event().payload()).isEqualTo(event);
    }

    @Test
    void failingHandlerIsRetriedThenTheRecordGoesToTheDeadLetterTopicWithItsHeadersAndBytes() {
        String key = uniqueKey();
        handler.failFor(key, () -> new RuntimeException("handler failed on purpose"));

        Envelope<RoutingTimeoutEvent> published = events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key));

        ConsumerRecord<byte[], byte[]> deadLetter = awaitOnlyRecord(DEAD_LETTER_TOPIC, key);
        assertThat(handler.callsFor(key)).hasSize(1 + 2);
        assertThat(handler.callsFor(key))
                .allSatisfy(call -> assertThat(call.event().eventId()).isEqualTo(published.eventId()));
        ConsumerRecord<byte[], byte[]> original = awaitOnlyRecord(TOPIC, key);
        assertThat(EventHeaders.read(deadLetter.headers(), EventHeaders.EVENT_ID))
                .isEqualTo(published.eventId().toString());
        assertThat(EventHeaders.read(deadLetter.headers(), EventHeaders.EVENT_TYPE))
                .isEqualTo("routing.wait-expired");
        assertThat(deadLetter.value()).isEqualTo(original.value());
    }

    @Test
    void nonRetryableFailureGoesToTheDeadLetterTopicAfterOneCall() {
        String key = uniqueKey();
        handler.failFor(key, () -> new NonRetryableEventException("contradicts what the service knows"));

        Envelope<RoutingTimeoutEvent> published = events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key));

        ConsumerRecord<byte[], byte[]> deadLetter = awaitOnlyRecord(DEAD_LETTER_TOPIC, key);
        assertThat(handler.callsFor(key)).hasSize(1);
        assertThat(EventHeaders.read(deadLetter.headers(), EventHeaders.EVENT_ID))
                .isEqualTo(published.eventId().toString());
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillHandled() {
        String key = uniqueKey();
        byte[] poison = "{\"eventId\": not an envelope".getBytes(StandardCharsets.UTF_8);

        produceRaw(key, poison);
        Envelope<RoutingTimeoutEvent> next = events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key));

        ConsumerRecord<byte[], byte[]> deadLetter = awaitOnlyRecord(DEAD_LETTER_TOPIC, key);
        assertThat(deadLetter.value()).isEqualTo(poison);
        await().atMost(KAFKA_WAIT).until(() -> handler.callsFor(key), calls -> !calls.isEmpty());
        assertThat(handler.callsFor(key))
                .extracting(call -> call.event().eventId())
                .containsExactly(next.eventId());
    }

    @Test
    void recordOfAnUnknownEventTypeIsSkippedAndCounted() {
        String key = uniqueKey();
        double skippedBefore = skippedCount();
        byte[] unknownType = ("{\"eventId\":\"" + UUID.randomUUID()
                        + "\",\"type\":\"enquiry.teleported\",\"version\":1,"
                        + "\"occurredAt\":\"2026-11-24T09:00:00Z\",\"payload\":{\"enquiryId\":\"" + key + "\"}}")
                .getBytes(StandardCharsets.UTF_8);

        produceRaw(key, unknownType);
        Envelope<RoutingTimeoutEvent> next = events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key));

        // Same key, same partition: once the next event is handled, the unknown one was consumed before it.
        await().atMost(KAFKA_WAIT).until(() -> handler.callsFor(key), calls -> !calls.isEmpty());
        assertThat(handler.callsFor(key))
                .extracting(call -> call.event().eventId())
                .containsExactly(next.eventId());
        assertThat(skippedCount()).isEqualTo(skippedBefore + 1);
        assertThat(recordsWithKey(DEAD_LETTER_TOPIC, key)).isEmpty();
    }

    @Test
    void aSubscriptionForSomeTypesSkipsTheOthersByTheirHeaderWithoutDecodingThem() {
        String tagId = "tag-" + UUID.randomUUID();
        double skippedBefore = skippedCount(DESTINATIONS);
        Instant now = Instant.parse("2026-12-07T23:00:00Z");
        byte[] notAnEnvelope = "{\"eventId\": not an envelope".getBytes(StandardCharsets.UTF_8);

        events.publishAndWait(
                Topics.ROUTING_DESTINATION, tagId, new TagPublished(tagId, "Sales", null, null, null, now));
        // Malformed, but of a type the subscription does not handle: it is never decoded, so never dead-lettered.
        produceRaw(DESTINATIONS, tagId, notAnEnvelope, "routing.tag-published");
        // Without a type header (a producer that does not write one): decoded, then skipped by its type.
        produceRaw(
                DESTINATIONS,
                tagId,
                Topics.ROUTING_DESTINATION
                        .codec()
                        .encode(Envelope.of(new TagPublished(tagId, "Sales", null, null, null, now))),
                null);
        Envelope<DestinationEvent> removed =
                events.publishAndWait(Topics.ROUTING_DESTINATION, tagId, new TagRemoved(tagId, now));

        // One key, one partition: once the removal is handled, the three records before it have been consumed.
        await().atMost(KAFKA_WAIT).until(() -> tagRemovals.eventIdsFor(tagId), ids -> !ids.isEmpty());
        assertThat(tagRemovals.eventIdsFor(tagId)).containsExactly(removed.eventId());
        assertThat(skippedCount(DESTINATIONS)).isEqualTo(skippedBefore + 3);
        assertThat(recordsWithKey(Topics.ROUTING_DESTINATION.deadLetterTopic(GROUP), tagId))
                .isEmpty();
    }

    @Test
    void handledEventsAreCommittedWithinTheCommitInterval() throws Exception {
        String key = uniqueKey();

        events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key));

        await().atMost(KAFKA_WAIT).until(() -> handler.callsFor(key), calls -> !calls.isEmpty());
        ConsumerRecord<byte[], byte[]> record = awaitOnlyRecord(TOPIC, key);
        TopicPartition partition = new TopicPartition(TOPIC, record.partition());
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap()))) {
            // The container commits at most once per parley.kafka.commit-interval (1 s), not after every poll.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private double skippedCount() {
        return skippedCount(TOPIC);
    }

    private double skippedCount(String topic) {
        Counter counter = meters.find("parley.events.skipped")
                .tags("topic", topic, "group", GROUP)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String uniqueKey() {
        return "enq-" + UUID.randomUUID();
    }

    private static EnquiryWaitExpired waitExpired(String enquiryId) {
        Instant deadline = Instant.parse("2026-11-24T09:01:00Z");
        return new EnquiryWaitExpired(
                enquiryId, new ConversationKey(Channel.LINE, "demo-line", "U" + enquiryId), deadline, deadline);
    }

    private static void produceRaw(String key, byte[] value) {
        produceRaw(TOPIC, key, value, null);
    }

    /** Produces the bytes as they are, with {@code eventType} as the record's type header if not null. */
    private static void produceRaw(String topic, String key, byte[] value, @Nullable String eventType) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        try (var producer =
                new KafkaProducer<byte[], byte[]>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
            if (eventType != null) {
                record.headers()
                        .add(new RecordHeader(EventHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8)));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not produce the raw record", e);
        }
    }

    private static ConsumerRecord<byte[], byte[]> awaitOnlyRecord(String topic, String key) {
        List<ConsumerRecord<byte[], byte[]>> records =
                await().atMost(KAFKA_WAIT).until(() -> recordsWithKey(topic, key), found -> !found.isEmpty());
        assertThat(records).as("records with key %s on %s", key, topic).hasSize(1);
        return records.getFirst();
    }

    /** Every record of {@code topic} with the key, read from the beginning with a plain consumer. */
    private static List<ConsumerRecord<byte[], byte[]>> recordsWithKey(String topic, String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (var consumer =
                new KafkaConsumer<byte[], byte[]>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (Arrays.equals(record.key(), keyBytes)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** One delivery to the handler: the key as the consumer typed it, and the envelope. */
    record Call(Object key, Envelope<RoutingTimeoutEvent> event) {}

    /** Records every delivery by key, and fails for the keys a test asks it to. */
    static final class RecordingHandler implements EventHandler<String, RoutingTimeoutEvent> {

        private final Map<String, List<Call>> calls = new ConcurrentHashMap<>();
        private final Map<String, Supplier<RuntimeException>> failures = new ConcurrentHashMap<>();

        @Override
        public void handle(String key, Envelope<RoutingTimeoutEvent> event) {
            calls.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(new Call(key, event));
            Supplier<RuntimeException> failure = failures.get(key);
            if (failure != null) {
                throw failure.get();
            }
        }

        void failFor(String key, Supplier<RuntimeException> failure) {
            failures.put(key, failure);
        }

        List<Call> callsFor(String key) {
            return List.copyOf(calls.getOrDefault(key, List.of()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Subscriptions {

        @Bean
        RecordingHandler recordingHandler() {
            return new RecordingHandler();
        }

        @Bean
        EventSubscription<String, RoutingTimeoutEvent> waitExpiredSubscription(RecordingHandler handler) {
            return EventSubscription.on(Topics.ROUTING_TIMEOUT, handler);
        }

        @Bean
        TagRemovals tagRemovals() {
            return new TagRemovals();
        }

        @Bean
        EventSubscription<String, DestinationEvent> tagRemovalsSubscription(TagRemovals removals) {
            return EventSubscription.on(Topics.ROUTING_DESTINATION, removals).onlyTypes(TagRemoved.class);
        }
    }

    /** The event ids a subscription to tag removals only was given, by key; fails on any other type. */
    static final class TagRemovals implements EventHandler<String, DestinationEvent> {

        private final Map<String, List<UUID>> eventIds = new ConcurrentHashMap<>();

        @Override
        public void handle(String key, Envelope<DestinationEvent> event) {
            if (!(event.payload() instanceof TagRemoved)) {
                throw new NonRetryableEventException("given a " + event.type() + " it did not ask for");
            }
            eventIds.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(event.eventId());
        }

        List<UUID> eventIdsFor(String key) {
            return List.copyOf(eventIds.getOrDefault(key, List.of()));
        }
    }
}
