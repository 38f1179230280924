package io.parley.bench;

import io.parley.embedded.EmbeddedDocumentStore;
import io.parley.embedded.EmbeddedKafkaBroker;
import io.parley.embedded.FreePorts;
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
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferEvent;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.kit.kafka.EventPublisher;
import io.parley.routing.RoutingServiceApplication;
import io.parley.routing.offer.RoutingStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 3's figures: with N ACTIVE staff in one destination and M enquiries waiting at once, how long from
 * publishing "enquiry opened" to each offer record, and how late the timeout records come after their
 * deadlines. Everything runs in this JVM on a real in-process broker: routing-service exactly as the
 * suite runs it, the enquiry lifecycle written as enquiry-service will write it.
 *
 * <p>Then, with every enquiry still waiting, {@code churn} staff status changes that change nothing about who
 * may be offered (a chat more or less, far below the maximum), and one more enquiry: how long until its offer
 * comes out, i.e. what such changes cost the router while enquiries wait.
 *
 * <p>Options (system properties): {@code staff} (200), {@code enquiries} (1000), {@code rate} per second
 * (200), {@code waitSeconds} (10; every enquiry is still waiting when the last one opens), {@code churn}
 * (2000; 0 skips that phase).
 */
final class RoutingBench {

    private RoutingBench() {}

    public static void main(String[] args) throws Exception {
        int staffCount = Integer.getInteger("staff", 200);
        int enquiryCount = Integer.getInteger("enquiries", 1000);
        int rate = Integer.getInteger("rate", 200);
        Duration wait = Duration.ofSeconds(Integer.getInteger("waitSeconds", 10));
        int churn = Integer.getInteger("churn", 2000);

        Path data = Files.createTempDirectory("parley-bench-routing");
        Figures figures = new Figures();
        figures.fact("staff", staffCount);
        figures.fact("enquiries", enquiryCount);
        figures.fact("open rate per s", rate);
        figures.fact("max wait", wait);
        figures.fact("staff load changes while they wait", churn);
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(data.resolve("kafka"), freePort(), freePort(), 4);
                EmbeddedDocumentStore store = EmbeddedDocumentStore.start(null, 0);
                ConfigurableApplicationContext routing = RoutingServiceApplication.application()
                        .run(
                                "--server.port=0",
                                "--management.server.port=" + freePort(),
                                "--parley.kafka.bootstrap=" + kafka.bootstrapServers(),
                                "--parley.mongo.uri=" + store.connectionString(),
                                "--parley.routing.state-dir=" + data.resolve("streams"),
                                "--spring.main.log-startup-info=false",
                                // The gateway is on this classpath too (for the journey benchmark); not for routing.
                                "--spring.cloud.gateway.server.webflux.enabled=false")) {
            RoutingStreams streams = routing.getBean(RoutingStreams.class);
            awaitState(streams);
            EventPublisher events = routing.getBean(EventPublisher.class);

            List<String> staff = new ArrayList<>();
            for (int i = 0; i < staffCount; i++) {
                staff.add("bench-staff-" + i);
            }
            events.publishAndWait(
                    Topics.ROUTING_DESTINATION,
                    "bench",
                    new DestinationPublished(
                            "bench",
                            "Bench",
                            staff,
                            List.of("bench"),
                            List.of(),
                            false,
                            DistributionMethod.SIMULTANEOUS,
                            wait,
                            Instant.now()));
            for (String id : staff) {
                events.publish(
                                Topics.PRESENCE_STAFF_STATUS,
                                id,
                                new StaffStatusChanged(id, id, null, Availability.ACTIVE, 1_000_000, 0, Instant.now()))
                        .join();
            }

            Map<String, Long> openedAtNanos = new ConcurrentHashMap<>();
            Map<String, Long> deadlines = new ConcurrentHashMap<>();
            AtomicLong offersSeen = new AtomicLong();
            AtomicLong probeOffers = new AtomicLong();
            AtomicLong churnProbeOffers = new AtomicLong();
            AtomicLong churnOffers = new AtomicLong();
            AtomicBoolean churning = new AtomicBoolean();
            AtomicLong timeoutsSeen = new AtomicLong();
            AtomicBoolean measuring = new AtomicBoolean(true);
            Thread offerReader = Thread.ofPlatform()
                    .start(() -> read(kafka, Topics.ROUTING_OFFER, measuring, envelope -> {
                        // One record per routing decision; each staff member's offer counts as one.
                        for (OfferEvent event : envelope.payload().perStaff()) {
                            if (event.enquiryId().equals(CHURN_PROBE)) {
                                if (event instanceof OfferCreated) {
                                    churning.set(false);
                                    churnProbeOffers.incrementAndGet();
                                }
                                continue;
                            }
                            if (churning.get()
                                    && !(event instanceof OfferWithdrawn w
                                            && w.reason() == OfferWithdrawn.Reason.EXPIRED)) {
                                churnOffers.incrementAndGet(); // only an expiry may change an offer meanwhile
                            }
                            if (event instanceof OfferCreated offer) {
                                if (offer.enquiryId().equals(PROBE)) {
                                    probeOffers.incrementAndGet();
                                }
                                Long opened = openedAtNanos.get(offer.enquiryId());
                                if (opened != null) {
                                    figures.record(
                                            "opened -> offer record (every offer)",
                                            (System.nanoTime() - opened) / 1000);
                                    offersSeen.incrementAndGet();
                                }
                            }
                        }
                    }));
            Thread timeoutReader = Thread.ofPlatform()
                    .start(() -> read(kafka, Topics.ROUTING_TIMEOUT, measuring, envelope -> {
                        if (envelope.payload() instanceof EnquiryWaitExpired expired
                                && deadlines.containsKey(expired.enquiryId())) {
                            long now = System.currentTimeMillis();
                            figures.record(
                                    "deadline -> timeout fired (router)",
                                    Duration.between(expired.deadline(), expired.firedAt())
                                                    .toNanos()
                                            / 1000);
                            figures.record(
                                    "deadline -> timeout record received",
                                    (now - expired.deadline().toEpochMilli()) * 1000);
                            timeoutsSeen.incrementAndGet();
                        }
                    }));

            // A probe enquiry offered to every staff member shows the router has taken them all in.
            Instant probeAt = Instant.now();
            events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, PROBE, opened(PROBE, probeAt, probeAt.plus(wait)));
            awaitCount(probeOffers, staffCount, "the probe enquiry's offers");

            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < enquiryCount; i++) {
                long due = start + i * intervalNanos;
                long early = due - System.nanoTime();
                if (early > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(early); // no spinning: two cores only
                }
                String enquiryId = "bench-enquiry-" + i;
                Instant now = Instant.now();
                Instant deadline = now.plus(wait);
                deadlines.put(enquiryId, deadline.toEpochMilli());
                openedAtNanos.put(enquiryId, System.nanoTime());
                events.publish(Topics.ENQUIRY_LIFECYCLE, enquiryId, opened(enquiryId, now, deadline));
            }
            long expectedOffers = (long) enquiryCount * staffCount;
            if (churn > 0) {
                awaitCount(offersSeen, expectedOffers, "the enquiries' offers");
                churning.set(true);
                long churnStart = System.nanoTime();
                for (int i = 0; i < churn; i++) {
                    String id = staff.get(i % staffCount);
                    // A chat more or less: still ACTIVE and far below the maximum, so no offer may change.
                    events.publish(
                            Topics.PRESENCE_STAFF_STATUS,
                            id,
                            new StaffStatusChanged(
                                    id, id, null, Availability.ACTIVE, 1_000_000, 1 + i % 3, Instant.now()));
                }
                Instant now = Instant.now();
                events.publishAndWait(Topics.ENQUIRY_LIFECYCLE, CHURN_PROBE, opened(CHURN_PROBE, now, now.plus(wait)));
                awaitCount(churnProbeOffers, 1, "the offer of the enquiry opened after the staff load changes");
                long tookNanos = System.nanoTime() - churnStart;
                figures.fact(
                        "staff load changes (" + churn + ", " + enquiryCount + " enquiries waiting) -> next offer",
                        "%d ms, %.1f µs per change".formatted(tookNanos / 1_000_000, tookNanos / 1000.0 / churn));
                figures.fact("offers changed by the load changes (must be 0)", churnOffers.get());
            }
            long giveUp = System.nanoTime() + wait.plusSeconds(60).toNanos();
            while ((offersSeen.get() < expectedOffers || timeoutsSeen.get() < enquiryCount)
                    && System.nanoTime() < giveUp) {
                Thread.sleep(100);
            }
            measuring.set(false);
            offerReader.join();
            timeoutReader.join();
            figures.fact("offers received / expected", offersSeen.get() + " / " + expectedOffers);
            figures.fact("timeouts received / expected", timeoutsSeen.get() + " / " + enquiryCount);
        }
        System.out.println();
        System.out.println("Routing benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")");
        System.out.print(figures.table());
        System.out.println("written to " + figures.writeJson("routing"));
        System.exit(0);
    }

    private static final String PROBE = "bench-probe";
    private static final String CHURN_PROBE = "bench-probe-after-load-changes";

    private static void awaitCount(AtomicLong count, long expected, String what) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count.get() < expected) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException(what + " did not all arrive within 60 s: " + count.get());
            }
            Thread.sleep(20);
        }
    }

    private static EnquiryOpened opened(String enquiryId, Instant now, Instant deadline) {
        ConversationKey conversation = new ConversationKey(Channel.WEB, "bench", "visitor-" + enquiryId);
        return new EnquiryOpened(
                enquiryId,
                conversation,
                Channel.WEB,
                "bench",
                EnquiryType.BROADCAST,
                EntryPoint.of(EntryPoint.Type.TAG, "bench"),
                "bench",
                new Customer("visitor-" + enquiryId, "Bench visitor", null, null),
                new CustomerMessage("m-" + enquiryId, "Hello from the benchmark", List.of(), now),
                now,
                deadline);
    }

    private static <E> void read(
            EmbeddedKafkaBroker kafka,
            Topic<String, E> topic,
            AtomicBoolean measuring,
            java.util.function.Consumer<Envelope<E>> sink) {
        try (KafkaConsumer<String, Envelope<E>> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-" + topic.name(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "latest",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        5,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            while (measuring.get()) {
                consumer.poll(Duration.ofMillis(20)).forEach(record -> sink.accept(record.value()));
            }
        }
    }

    private static void awaitState(RoutingStreams streams) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
