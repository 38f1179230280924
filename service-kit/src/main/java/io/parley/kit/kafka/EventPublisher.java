package io.parley.kit.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.Envelope;
import io.parley.events.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events to their typed topics. The producer waits for every in-sync replica ({@code acks=all})
 * and is idempotent, so a retried send is written once.
 */
public final class EventPublisher {

    private final KafkaTemplate<Object, Object> template;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<Object, Object> template, MeterRegistry meters, Clock clock, Duration timeout) {
        this.template = template;
        this.meters = meters;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Sends an event happening now; the future completes when the broker has it. */
    public <K, E> CompletableFuture<Envelope<E>> publish(Topic<K, E> topic, K key, E event) {
        return publish(topic, key, Envelope.of(event, clock));
    }

    /** Sends an already wrapped event (to keep its id, e.g. when re-publishing). */
    public <K, E> CompletableFuture<Envelope<E>> publish(Topic<K, E> topic, K key, Envelope<E> envelope) {
        CompletableFuture<SendResult<Object, Object>> sent;
        try {
            sent = template.send(new ProducerRecord<>(topic.name(), key, envelope));
        } catch (RuntimeException e) {
            // The producer refuses at once when it cannot even fetch metadata in time (max.block.ms).
            return CompletableFuture.failedFuture(e.getCause() == null ? e : e.getCause());
        }
        return sent.thenApply(result -> {
            meters.counter("parley.events.published", "topic", topic.name(), "type", envelope.type())
                    .increment();
            return envelope;
        });
    }

    /**
     * Sends an event and waits for the broker's acknowledgement.
     *
     * @throws EventNotStoredException when Kafka does not acknowledge it within the publish timeout
     */
    public <K, E> Envelope<E> publishAndWait(Topic<K, E> topic, K key, E event) {
        try {
            return publish(topic, key, event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotStoredException(topic.name(), e);
        } catch (ExecutionException e) {
            throw new EventNotStoredException(topic.name(), e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new EventNotStoredException(topic.name(), e);
        }
    }
}
