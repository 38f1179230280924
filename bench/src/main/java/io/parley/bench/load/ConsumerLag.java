package io.parley.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * Which stage of the pipeline falls behind: every two seconds, for every consumer group on the suite's broker,
 * the records of each topic not yet committed by the group (end offset minus committed offset, summed over the
 * partitions); the largest seen per group and topic is reported. The groups are the services (and routing's
 * Kafka Streams application); a stage that keeps up stays within what it consumes in one commit interval
 * ({@code parley.kafka.commit-interval}, 1 s). Presence's and channel-ingest's fan-outs read without a group,
 * and chatroom's live feed commits nothing: they are not seen here.
 */
final class ConsumerLag implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(2);

    private final Admin admin;
    private final Map<String, Long> maxLag = new ConcurrentHashMap<>();
    /** Guarded by {@code this}: samples begun, and the last complete one (which one, and its total lag). */
    private long samplesBegun;

    private long lastSample;
    private long lastTotal = -1;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
        this.sampler = Thread.ofPlatform().daemon().name("bench-consumer-lag").start(this::sampleUntilClosed);
    }

    private void sampleUntilClosed() {
        while (running.get()) {
            try {
                sample();
                Thread.sleep(EVERY);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the broker is busy or going away: the next sample will tell
            }
        }
    }

    private void sample() throws Exception {
        long number;
        synchronized (this) {
            number = ++samplesBegun;
        }
        List<String> groups = new ArrayList<>();
        for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
            // chatroom's live feed (a group per instance, "-live-") commits nothing by design: its lag means nothing.
            if (!listing.groupId().startsWith("bench-") && !listing.groupId().contains("-live-")) {
                groups.add(listing.groupId());
            }
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(5, TimeUnit.SECONDS);
            committed.put(group, offsets);
            offsets.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        long[] total = {0};
        committed.forEach((group, offsets) -> {
            Map<String, Long> byTopic = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                var end = ends.get(partition);
                if (end != null && offset != null) {
                    byTopic.merge(partition.topic(), Math.max(0, end.offset() - offset.offset()), Long::sum);
                }
            });
            byTopic.forEach((topic, lag) -> {
                maxLag.merge(group + " on " + topic, lag, Math::max);
                total[0] += lag;
            });
        });
        synchronized (this) {
            lastSample = number;
            lastTotal = total[0];
            notifyAll();
        }
    }

    /**
     * Waits until a sample begun after this call finds no group behind, or {@code atMost} has passed.
     *
     * @return the records not committed by their groups at the last such sample (0 once caught up; -1 if none
     *     completed in time)
     */
    synchronized long awaitCaughtUp(Duration atMost) throws InterruptedException {
        long after = samplesBegun;
        long giveUp = System.nanoTime() + atMost.toNanos();
        for (long left = atMost.toNanos();
                (lastSample <= after || lastTotal != 0) && left > 0;
                left = giveUp - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return lastSample > after ? lastTotal : -1;
    }

    /** Forgets the lags seen so far (the warm-up's), so that {@link #describe} tells the measured time's. */
    void forgetSoFar() {
        maxLag.clear();
    }

    /** The largest lags seen, largest first (at most {@code limit}), or null when none was over 0. */
    @Nullable
    String describe(int limit) {
        String lags = maxLag.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining("; "));
        return lags.isEmpty() ? null : lags;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        sampler.interrupt();
        sampler.join(10_000);
        admin.close(Duration.ofSeconds(5));
    }
}
