package io.parley.chatroom.socket;

import io.parley.chatroom.ChatroomSettings;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.chat.RoomEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Brings {@code chat.room.v1} to this instance's room sockets. Every instance reads the whole topic in a
 * consumer group of its own (each serves only its own sockets), starting a little before it started ({@code
 * parley.chatroom.live-replay}) rather than at the topic's beginning, and commits nothing: a live event only
 * prompts a subscription to read the store after its cursor, so what this instance missed before it started
 * is read from the store anyway. A record that cannot be handled is logged and skipped; the store stays right.
 */
final class LiveRoomFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveRoomFeed.class);

    private final ConcurrentMessageListenerContainer<Object, Object> container;
    private volatile Instant startedAt = Instant.now();

    LiveRoomFeed(
            ConsumerFactory<Object, Object> consumerFactory,
            RoomSockets sockets,
            ChatroomSettings settings,
            String service) {
        String group = service + "-live-" + UUID.randomUUID();
        ContainerProperties properties = new ContainerProperties(Topics.CHAT_ROOM.name());
        properties.setGroupId(group);
        properties.setClientId(group);
        properties.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.setKafkaConsumerProperties(consumerProperties);
        properties.setMessageListener(
                (AcknowledgingMessageListener<Object, Object>) (record, acknowledgment) -> deliver(sockets, record));
        properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                replayFrom(consumer, partitions, startedAt.minus(settings.liveReplay()));
            }
        });
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(group + "-");
        executor.setVirtualThreads(true);
        properties.setListenerTaskExecutor(executor);
        container = new ConcurrentMessageListenerContainer<>(consumerFactory, properties);
        container.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
        container.setBeanName(group);
    }

    private static void deliver(RoomSockets sockets, ConsumerRecord<Object, Object> record) {
        if (record.value() instanceof Envelope<?> envelope && envelope.payload() instanceof RoomEvent event) {
            sockets.onRoomEvent(event);
        }
    }

    private static void replayFrom(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Instant from) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            } else {
                consumer.seekToEnd(List.of(partition));
            }
        }
        log.debug("Room sockets follow {} from {}", partitions, from);
    }

    @Override
    public void start() {
        startedAt = Instant.now();
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    /** Start after the web server is up and stop before it goes, like the kit's consumers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
