package io.parley.kit.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service reaches Kafka ({@code parley.kafka.*}; {@code PARLEY_KAFKA_BOOTSTRAP} sets the broker).
 *
 * @param bootstrap the brokers, {@code host:port[,host:port]}
 * @param partitions partitions of each Parley topic when this service creates it
 * @param replicationFactor replicas of each topic (1 on the embedded single broker)
 * @param retries how often a failed record is retried before it goes to the dead-letter topic
 * @param retryBackoff the first wait between retries; it doubles up to {@code maxRetryBackoff}
 * @param publishTimeout how long a caller waits for the broker's acknowledgement of a publish
 * @param commitInterval how often a consumer of one event at a time commits the offsets it has handled: at
 *     most once per interval, not after every poll (one commit per consumed record at low rates), so a crash
 *     may hand a service up to this much again, which its idempotent handlers absorb; batch subscriptions
 *     commit after each poll
 */
@ConfigurationProperties("parley.kafka")
public record KafkaSettings(
        @DefaultValue("127.0.0.1:9092") String bootstrap,
        @DefaultValue("4") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("3") int retries,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("2s") Duration maxRetryBackoff,
        @DefaultValue("10s") Duration publishTimeout,
        @DefaultValue("1s") Duration commitInterval) {}
