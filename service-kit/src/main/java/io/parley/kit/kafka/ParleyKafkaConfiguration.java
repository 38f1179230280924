package io.parley.kit.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.Topic;
import io.parley.events.Topics;
import io.parley.kit.mongo.DurableBeforeOffsetCommit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka for a Parley service: an idempotent {@code acks=all} producer without linger (every Parley path is
 * latency-sensitive), typed consumers for the service's {@link EventSubscription}s, and the one error
 * policy: {@link KafkaSettings#retries()} retries with exponential back-off, then the record — with its
 * original headers — goes to {@code <topic>.<group>.dlt}. Every Parley topic is created if missing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaSettings.class)
public class ParleyKafkaConfiguration {

    @Bean
    ProducerFactory<Object, Object> parleyProducerFactory(
            KafkaSettings settings, @Value("${spring.application.name}") String service, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int)
                settings.publishTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                settings.publishTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                Math.min(settings.publishTimeout().toMillis(), 5_000));
        var factory =
                new DefaultKafkaProducerFactory<Object, Object>(config, new WireSerializer(), new WireSerializer());
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<Object, Object> parleyKafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    EventPublisher eventPublisher(
            KafkaTemplate<Object, Object> template,
            MeterRegistry meters,
            ObjectProvider<Clock> clock,
            KafkaSettings settings) {
        return new EventPublisher(template, meters, clock.getIfAvailable(Clock::systemUTC), settings.publishTimeout());
    }

    @Bean
    ConsumerFactory<Object, Object> parleyConsumerFactory(
            KafkaSettings settings, MeterRegistry meters, ObjectProvider<DurableBeforeOffsetCommit> durable) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A deserializer per consumer, configured with that consumer's properties: a subscription's event-type
        // filter (WireDeserializer.EVENT_TYPES_CONFIG) is its own container's.
        var factory = new DefaultKafkaConsumerFactory<Object, Object>(
                config,
                () -> new ErrorHandlingDeserializer<>(new WireDeserializer()),
                () -> new ErrorHandlingDeserializer<>(new WireDeserializer()));
        factory.addListener(new MicrometerConsumerListener<>(meters));
        durable.ifAvailable(store -> factory.addPostProcessor(store::wrap));
        return factory;
    }

    @Bean
    CommonErrorHandler parleyErrorHandler(
            KafkaTemplate<Object, Object> template, KafkaSettings settings, MeterRegistry meters) {
        var recoverer = new DeadLetterPublishingRecoverer(template, (record, exception) -> {
            String group = groupOf(exception);
            meters.counter("parley.events.dead-lettered", "topic", record.topic())
                    .increment();
            return new TopicPartition(deadLetterTopic(record.topic(), group), -1);
        });
        var backOff = new ExponentialBackOff(settings.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(settings.maxRetryBackoff().toMillis());
        backOff.setMaxAttempts(settings.retries());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(
                NonRetryableEventException.class, io.parley.events.MalformedEventException.class);
        return handler;
    }

    private static String groupOf(Exception exception) {
        Throwable e = exception;
        while (e != null) {
            if (e instanceof org.springframework.kafka.listener.ListenerExecutionFailedException failed
                    && failed.getGroupId() != null) {
                return failed.getGroupId();
            }
            e = e.getCause();
        }
        return "unknown";
    }

    private static String deadLetterTopic(String topicName, String group) {
        return Topics.byName(topicName).map(t -> t.deadLetterTopic(group)).orElse(topicName + "." + group + ".dlt");
    }

    @Bean
    EventConsumers eventConsumers(
            ObjectProvider<EventSubscription<?, ?>> subscriptions,
            ConsumerFactory<Object, Object> consumerFactory,
            CommonErrorHandler errorHandler,
            @Value("${spring.application.name}") String service,
            KafkaSettings settings,
            MeterRegistry meters) {
        return new EventConsumers(
                subscriptions.orderedStream().toList(),
                consumerFactory,
                errorHandler,
                service,
                settings.partitions(),
                settings.commitInterval(),
                meters);
    }

    @Bean
    KafkaAdmin parleyKafkaAdmin(KafkaSettings settings) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap()));
        admin.setFatalIfBrokerNotAvailable(true);
        admin.setOperationTimeout(30);
        return admin;
    }

    /** Every Parley topic, and the dead-letter topics of this service's subscriptions. */
    @Bean
    KafkaAdmin.NewTopics parleyTopics(
            KafkaSettings settings,
            ObjectProvider<EventSubscription<?, ?>> subscriptions,
            @Value("${spring.application.name}") String service) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.all()) {
            NewTopic newTopic = new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor());
            if (topic.compacted()) {
                newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(newTopic);
        }
        subscriptions
                .orderedStream()
                .map(s -> s.topic().deadLetterTopic(s.groupOr(service)))
                .distinct()
                .forEach(dlt -> topics.add(new NewTopic(dlt, 1, settings.replicationFactor())));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean(destroyMethod = "close")
    Admin parleyHealthAdmin(KafkaSettings settings) {
        return Admin.create(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
    }

    /**
     * Readiness: OUT_OF_SERVICE until every subscription's consumers have joined their group and received
     * their partitions, so "healthy" means events are being consumed, not merely that the broker answers.
     */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator consumersHealthIndicator(EventConsumers consumers) {
        return () -> {
            Set<String> joining = consumers.joining();
            return joining.isEmpty()
                    ? org.springframework.boot.health.contributor.Health.up().build()
                    : org.springframework.boot.health.contributor.Health.outOfService()
                            .withDetail("joining", joining)
                            .build();
        };
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin parleyHealthAdmin) {
        return new KafkaHealthIndicator(parleyHealthAdmin);
    }
}
