package io.parley.routing.offer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.parley.kit.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the routing topology for routing-service. Wall-clock punctuation needs frequent polls
 * ({@code poll.ms} 10); offers go out without linger; stopping leaves the consumer group at once, so the
 * next start does not wait for the old member's session to time out.
 */
@Component
@EnableConfigurationProperties(RoutingSettings.class)
public class RoutingStreams implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RoutingStreams.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private volatile boolean running;
    private volatile boolean everRunning;

    public RoutingStreams(RoutingSettings settings, KafkaSettings kafka, MeterRegistry meters) {
        this.streams = new KafkaStreams(RoutingTopology.build(micrometer(meters)), properties(settings, kafka));
        this.streams.setUncaughtExceptionHandler(exception -> {
            log.error("The routing topology failed; replacing its thread", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                everRunning = true;
            }
        });
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        this.streamsMetrics.bindTo(meters);
    }

    static Properties properties(RoutingSettings settings, KafkaSettings kafka) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                settings.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.POLL_MS_CONFIG, 10L);
        // Offers are sent at once (linger 0) whatever the interval; a commit writes an offset for each of the
        // topology's input partitions to __consumer_offsets, and every 100 ms that was most of the broker's
        // writes under load. After a crash up to a second of input is routed again, which changes nothing.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000L);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return props;
    }

    private static RoutingMetrics micrometer(MeterRegistry meters) {
        AtomicInteger waiting = meters.gauge("parley.routing.waiting", new AtomicInteger());
        AtomicInteger unserved = meters.gauge("parley.routing.waiting.unserved", new AtomicInteger());
        Timer lateness = Timer.builder("parley.routing.timeout.lateness")
                .description("How long after its deadline an enquiry's waiting time was noticed to have run out")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        return new RoutingMetrics() {
            @Override
            public void waiting(int total, int withoutOffers) {
                waiting.set(total);
                unserved.set(withoutOffers);
            }

            @Override
            public void expired(Duration late) {
                lateness.record(late.isNegative() ? Duration.ZERO : late);
            }
        };
    }

    @Override
    public void start() {
        streams.start();
        running = true;
    }

    @Override
    public void stop() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(10)));
        streamsMetrics.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        Health.Builder health = switch (state) {
            case RUNNING -> Health.up();
            // A rebalance after the first start is routine; before it, routing is not ready yet.
            case REBALANCING -> everRunning ? Health.up() : Health.outOfService();
            case CREATED -> Health.outOfService();
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Health.down();
        };
        return health.withDetail("state", state.name()).build();
    }

    /** The running streams, for tests that wait until routing is ready. */
    public KafkaStreams.State state() {
        return streams.state();
    }
}
