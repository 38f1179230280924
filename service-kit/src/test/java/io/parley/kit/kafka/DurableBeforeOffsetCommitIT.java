package io.parley.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.embedded.EmbeddedDocumentStore;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.RoutingTimeoutEvent;
import io.parley.kit.testapp.KitTestApplication;
import io.parley.testsupport.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hard kill of the embedded store keeps the writes of every event whose offset the consumer has committed:
 * with {@code parley.mongo.durable-before-offset-commit} the consumers' offset commits wait for the store to
 * commit its file. The store here never commits by itself, so without that nothing the handler wrote would
 * survive ({@code DocumentStoreDurabilityIT} shows the loss). The consumers (one per partition) commit offsets
 * every 50 ms here; the store is asked to commit at most once every 500 ms for all of them.
 */
@SpringBootTest(
        classes = {KitTestApplication.class, DurableBeforeOffsetCommitIT.Subscriptions.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.application.name=" + DurableBeforeOffsetCommitIT.GROUP,
            "parley.mongo.database=" + DurableBeforeOffsetCommitIT.DATABASE,
            "parley.mongo.durable-before-offset-commit=true",
            "parley.mongo.durable-flush-interval=500ms",
            "parley.kafka.commit-interval=50ms"
        })
@DirtiesContext // its store is killed by the test
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DurableBeforeOffsetCommitIT {

    static final String GROUP = "durable-offsets-it";
    static final String DATABASE = "durable-offsets-it";
    static final String COLLECTION = "handled";

    private static Path file;
    private static EmbeddedDocumentStore store;
    private static EmbeddedDocumentStore restarted;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        file = Files.createTempDirectory("parley-durable-offsets").resolve("store.mv");
        store = EmbeddedDocumentStore.start(file, 0, Duration.ofHours(1));
        registry.add("parley.kafka.bootstrap", TestInfrastructure::kafkaBootstrap);
        registry.add("parley.kafka.partitions", () -> 2);
        registry.add("parley.mongo.uri", store::connectionString);
    }

    @AfterAll
    static void stopStores() {
        store.halt();
        if (restarted != null) {
            restarted.close();
        }
    }

    @Autowired
    EventPublisher events;

    @Test
    @Order(2) // kills the store
    void theWritesOfEventsWhoseOffsetsAreCommittedSurviveAHardKillOfTheStore() throws Exception {
        String key = "enq-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(key + "/" + i);
            events.publishAndWait(Topics.ROUTING_TIMEOUT, key, waitExpired(key + "/" + i));
        }

        awaitOffsetsCommittedToTheEnd();
        store.halt();

        restarted = EmbeddedDocumentStore.start(file, 0);
        try (MongoClient client = MongoClients.create(restarted.connectionString())) {
            List<String> kept = client.getDatabase(DATABASE)
                    .getCollection(COLLECTION)
                    .find(Filters.regex("_id", "^" + key))
                    .map(d -> d.getString("_id"))
                    .into(new ArrayList<>());
            assertThat(kept).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    @Order(1)
    void theConsumersShareTheStoresCommitsInsteadOfAskingForOneAtEachOffsetCommit() throws Exception {
        String key = "shared-" + UUID.randomUUID();
        long before = store.fsyncs();
        long started = System.nanoTime();
        for (int i = 0; i < 60; i++) { // over ~3 s, on both partitions: each consumer commits ~20 times a second
            events.publishAndWait(Topics.ROUTING_TIMEOUT, key + "-" + (i % 6), waitExpired(key + "/" + i));
            Thread.sleep(50); // pacing the events over time (the test's load), not waiting for anything
        }

        awaitOffsetsCommittedToTheEnd();
        long asked = store.fsyncs() - before;
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(asked).isPositive().isLessThanOrEqualTo((long) Math.ceil(seconds / 0.5) + 2);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase(DATABASE)
                            .getCollection(COLLECTION)
                            .countDocuments(Filters.regex("_id", "^" + key)))
                    .isEqualTo(60);
        }
    }

    /** Until this group's committed offsets on the topic reach its end as it is now. */
    private static void awaitOffsetsCommittedToTheEnd() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap()))) {
            String topic = Topics.ROUTING_TIMEOUT.name();
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var end = admin.listOffsets(latest).all().get();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                return partitions.stream()
                        .allMatch(p -> offsetOf(committed.get(p)) >= end.get(p).offset());
            });
        }
    }

    private static long offsetOf(@Nullable OffsetAndMetadata committed) {
        return committed == null ? 0 : committed.offset();
    }

    private static EnquiryWaitExpired waitExpired(String id) {
        Instant deadline = Instant.parse("2026-12-07T09:01:00Z");
        return new EnquiryWaitExpired(id, new ConversationKey(Channel.LINE, "demo-line", "U" + id), deadline, deadline);
    }

    @Configuration(proxyBeanMethods = false)
    static class Subscriptions {

        /** Records each event it handles as a document, as a service's handler writes its state. */
        @Bean
        EventSubscription<String, RoutingTimeoutEvent> recordingSubscription(MongoDatabase database) {
            var handled = database.getCollection(COLLECTION);
            return EventSubscription.on(Topics.ROUTING_TIMEOUT, (String key, Envelope<RoutingTimeoutEvent> event) -> {
                        String id = ((EnquiryWaitExpired) event.payload()).enquiryId();
                        handled.replaceOne(
                                Filters.eq("_id", id), new Document("_id", id), new ReplaceOptions().upsert(true));
                    })
                    .withConsumerPerPartition();
        }
    }
}
