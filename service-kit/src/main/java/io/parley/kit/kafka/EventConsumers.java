package io.parley.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.Envelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Runs one listener container per {@link EventSubscription}. Each record's handling is logged with its
 * event id, type and key in the MDC and counted in {@code parley.events.consumed}; failures follow the
 * common error policy.
 */
public final class EventConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final List<ConcurrentMessageListenerContainer<Object, Object>> containers = new ArrayList<>();
    /** Subscriptions whose consumers have not finished their first group join yet (readiness). */
    private final Set<String> joining = ConcurrentHashMap.newKeySet();

    private volatile boolean running;

    public EventConsumers(
            List<EventSubscription<?, ?>> subscriptions,
            ConsumerFactory<Object, Object> consumerFactory,
            CommonErrorHandler errorHandler,
            String serviceGroup,
            int partitions,
            Duration commitInterval,
            MeterRegistry meters) {
        Set<String> seen = new java.util.HashSet<>();
        for (EventSubscription<?, ?> subscription : subscriptions) {
            String group = subscription.groupOr(serviceGroup);
            if (!seen.add(group + "|" + subscription.topic().name())) {
                // Two containers in one group would split the topic's partitions: each would see part of it.
                throw new IllegalStateException(
                        "Two subscriptions to " + subscription.topic().name() + " in group " + group
                                + ": handle both in one subscription, or give one its own group");
            }
            ContainerProperties properties =
                    new ContainerProperties(subscription.topic().name());
            properties.setGroupId(group);
            properties.setClientId(group + "-" + subscription.topic().name());
            if (subscription.batchHandler() == null) {
                // Committing after every poll cost a synchronous round trip to the group coordinator, and a write
                // to __consumer_offsets, per consumed record when records come one at a time (issue 8). A batch
                // subscription's poll is one unit of work, retried from its failing event: it commits per poll.
                properties.setAckMode(ContainerProperties.AckMode.TIME);
                properties.setAckTime(commitInterval.toMillis());
            }
            if (!subscription.handlesEveryType()) {
                // Read by this container's own WireDeserializer (the consumer factory makes one per consumer).
                properties
                        .getKafkaConsumerProperties()
                        .setProperty(
                                WireDeserializer.EVENT_TYPES_CONFIG,
                                String.join(",", new TreeSet<>(subscription.eventTypes())));
            }
            Counts counts = new Counts(meters, subscription.topic().name(), group);
            MessageListener<Object, Object> listener = listener(subscription, counts);
            properties.setMessageListener(
                    subscription.batchHandler() == null ? listener : batchListener(subscription, listener, counts));
            String name = group + "." + subscription.topic().name();
            joining.add(name);
            properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                    joining.remove(name);
                }
            });
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(group + "-");
            executor.setVirtualThreads(true);
            properties.setListenerTaskExecutor(executor);
            ConcurrentMessageListenerContainer<Object, Object> container =
                    new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
            container.setConcurrency(
                    subscription.concurrency() == EventSubscription.ONE_PER_PARTITION
                            ? partitions
                            : subscription.concurrency());
            container.setCommonErrorHandler(errorHandler);
            container.setBeanName(group + "." + subscription.topic().name());
            containers.add(container);
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, E> MessageListener<Object, Object> listener(
            EventSubscription<K, E> subscription, Counts counts) {
        return (ConsumerRecord<Object, Object> record) -> {
            Envelope<E> envelope = (Envelope<E>) record.value();
            if (envelope == null) {
                counts.skipped.increment();
                return;
            }
            MDC.put("eventId", envelope.eventId().toString());
            MDC.put("eventType", envelope.type());
            MDC.put("key", String.valueOf(record.key()));
            try {
                subscription.handler().handle((K) record.key(), envelope);
                counts.consumed(envelope.type()).increment();
            } catch (RuntimeException e) {
                log.warn("Handling {} failed: {}", envelope.type(), e.toString());
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                MDC.remove("eventId");
                MDC.remove("eventType");
                MDC.remove("key");
            }
        };
    }

    /**
     * Hands a poll's events to the subscription's batch handler; events that cannot be read, and a batch that
     * fails, go through the one-event {@code listener} instead, so the failing event is retried and
     * dead-lettered alone ({@link BatchListenerFailedException} names it) while the events before it count
     * as done.
     */
    @SuppressWarnings("unchecked")
    private static <K, E> BatchMessageListener<Object, Object> batchListener(
            EventSubscription<K, E> subscription, MessageListener<Object, Object> listener, Counts counts) {
        String topic = subscription.topic().name();
        EventBatchHandler<K, E> batchHandler = Objects.requireNonNull(subscription.batchHandler());
        return records -> {
            int unreadable = firstUnreadable(records);
            List<ConsumerRecord<Object, Object>> readable = records.subList(0, unreadable);
            List<EventBatchHandler.Keyed<K, E>> events = new ArrayList<>(readable.size());
            for (ConsumerRecord<Object, Object> record : readable) {
                if (record.value() == null) { // an event type it does not know or read, as the listener does
                    counts.skipped.increment();
                } else {
                    events.add(new EventBatchHandler.Keyed<>((K) record.key(), (Envelope<E>) record.value()));
                }
            }
            try {
                if (!events.isEmpty()) {
                    batchHandler.handle(events);
                }
                for (EventBatchHandler.Keyed<K, E> event : events) {
                    counts.consumed(event.event().type()).increment();
                }
            } catch (Exception batchFailure) {
                log.warn(
                        "Handling a batch of {} events of {} failed ({}); handling them one by one",
                        events.size(),
                        topic,
                        batchFailure.toString());
                for (int i = 0; i < readable.size(); i++) {
                    if (readable.get(i).value() == null) {
                        continue; // counted as skipped above
                    }
                    try {
                        listener.onMessage(readable.get(i));
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException("Handling failed", e, i);
                    }
                }
            }
            if (unreadable < records.size()) {
                throw new BatchListenerFailedException(
                        "Not an event",
                        SerializationUtils.getExceptionFromHeader(
                                records.get(unreadable),
                                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
                                new LogAccessor(EventConsumers.class)),
                        unreadable);
            }
        };
    }

    /**
     * A subscription's counters, looked up once: {@code parley.events.consumed} by event type, and {@code
     * parley.events.skipped} (records of a type this build does not know, or that the subscription does not read).
     */
    private static final class Counts {

        private final MeterRegistry meters;
        private final String topic;
        private final String group;
        private final Counter skipped;
        private final Map<String, Counter> consumed = new ConcurrentHashMap<>();

        Counts(MeterRegistry meters, String topic, String group) {
            this.meters = meters;
            this.topic = topic;
            this.group = group;
            this.skipped = meters.counter("parley.events.skipped", "topic", topic, "group", group);
        }

        Counter consumed(String type) {
            return consumed.computeIfAbsent(
                    type, t -> meters.counter("parley.events.consumed", "topic", topic, "type", t, "group", group));
        }
    }

    /** The index of the first record whose value could not be read, or the number of records. */
    private static int firstUnreadable(List<ConsumerRecord<Object, Object>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                return i;
            }
        }
        return records.size();
    }

    /** The subscriptions still waiting for their first partition assignment; empty once all have joined. */
    public Set<String> joining() {
        return Set.copyOf(joining);
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the web server is up and stop before it goes, like Spring's own listener containers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
