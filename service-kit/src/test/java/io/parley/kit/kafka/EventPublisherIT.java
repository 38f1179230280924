package io.parley.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Topics;
import io.parley.events.routing.EnquiryWaitExpired;
import io.parley.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** A publish that Kafka never acknowledges fails as {@link EventNotStoredException} within the timeout. */
class EventPublisherIT {

    private ProducerFactory<Object, Object> producerFactory;

    @AfterEach
    void closeProducer() {
        if (producerFactory != null) {
            producerFactory.reset();
        }
    }

    // KafkaTemplate.send throws at once when the metadata wait runs out; publishAndWait must still answer
    // EventNotStoredException, so a webhook gets 503 events.unavailable rather than a 500.
    @Test
    void publishAndWaitWithoutABrokerThrowsEventNotStoredWithinTheTimeout() {
        // given a publisher configured like every service's, pointed at a port where nothing listens
        var settings = new KafkaSettings(
                "127.0.0.1:" + TestInfrastructure.freePort(),
                1,
                (short) 1,
                0,
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        var meters = new SimpleMeterRegistry();
        producerFactory = new ParleyKafkaConfiguration().parleyProducerFactory(settings, "publisher-it", meters);
        var publisher = new EventPublisher(
                new KafkaTemplate<>(producerFactory), meters, Clock.systemUTC(), settings.publishTimeout());
        Instant deadline = Instant.parse("2026-11-24T09:01:00Z");
        var event = new EnquiryWaitExpired(
                "enq-1", new ConversationKey(Channel.LINE, "demo-line", "U1"), deadline, deadline);

        // when
        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> publisher.publishAndWait(Topics.ROUTING_TIMEOUT, "enq-1", event));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then
        assertThat(thrown)
                .isInstanceOf(EventNotStoredException.class)
                .hasMessageContaining(Topics.ROUTING_TIMEOUT.name());
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(meters.find("parley.events.published").counter()).isNull();
    }
}
