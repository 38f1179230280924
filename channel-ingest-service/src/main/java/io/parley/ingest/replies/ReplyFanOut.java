package io.parley.ingest.replies;

import io.parley.events.Channel;
import io.parley.events.Envelope;
import io.parley.events.Topics;
import io.parley.events.channel.OutboundMessageEvent;
import io.parley.events.channel.OutboundMessageRequested;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every WEB reply, so a visitor's socket gets it whichever instance it is connected to
 * and whichever instance's consumer group member stored it. It reads all partitions of {@code
 * channel.outbound-message.v1} without a consumer group, from the end at start: a socket that connects
 * later catches up from the transcript, so there is nothing to replay — and no per-instance group, offsets
 * or dead-letter topic is left behind by each restart. Storing is idempotent, so a reply seen here first is
 * simply stored here (with the number it keeps everywhere), which pokes this instance's sockets.
 */
@Component
class ReplyFanOut implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplyFanOut.class);
    private static final int ATTEMPTS = 3;

    private final ConsumerFactory<Object, Object> consumers;
    private final WebReplies replies;
    private volatile boolean running;
    private @Nullable Thread reader;
    private volatile @Nullable Consumer<Object, Object> consumer;

    ReplyFanOut(ConsumerFactory<Object, Object> consumers, WebReplies replies) {
        this.consumers = consumers;
        this.replies = replies;
    }

    @Override
    public void start() {
        Consumer<Object, Object> created = consumers.createConsumer(
                null,
                "channel-ingest-fan-out-" + UUID.randomUUID(),
                null,
                propertiesOf(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")));
        String topic = Topics.CHANNEL_OUTBOUND_MESSAGE.name();
        List<TopicPartition> partitions = created.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        created.assign(partitions);
        created.seekToEnd(partitions);
        partitions.forEach(created::position);
        consumer = created;
        running = true;
        reader = Thread.ofPlatform().daemon().name("web-reply-fan-out").start(() -> read(created));
    }

    private void read(Consumer<Object, Object> source) {
        try (source) {
            while (running) {
                for (ConsumerRecord<Object, Object> record : source.poll(Duration.ofMillis(500))) {
                    if (record.value() instanceof Envelope<?> envelope
                            && envelope.payload() instanceof OutboundMessageEvent event) {
                        push(event, envelope.occurredAt());
                    }
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("The web reply fan-out stopped: {}", e.toString(), e);
        }
    }

    private void push(OutboundMessageEvent event, java.time.Instant at) {
        switch (event) {
            case OutboundMessageRequested reply -> {
                if (reply.conversationKey().channel() != Channel.WEB) {
                    return;
                }
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    try {
                        replies.store(reply, at);
                        return;
                    } catch (RuntimeException e) {
                        log.warn(
                                "Pushing reply {} failed (attempt {}): {}",
                                reply.outboundMessageId(),
                                attempt,
                                e.toString());
                    }
                }
            }
        }
    }

    private static java.util.Properties propertiesOf(Map<String, String> values) {
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(values);
        return properties;
    }

    @Override
    public void stop() {
        running = false;
        Consumer<Object, Object> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = reader;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** With the kit's consumers: after the web server is up, before it goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
