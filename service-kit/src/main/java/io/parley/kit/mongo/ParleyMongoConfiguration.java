package io.parley.kit.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own MongoDB database through the plain sync driver. Records map to documents through the
 * driver's record codec; state transitions that race are single-document conditional updates.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoSettings.class)
public class ParleyMongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient parleyMongoClient(MongoSettings settings) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(settings.uri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(3, TimeUnit.SECONDS))
                .build());
    }

    @Bean
    MongoDatabase parleyDatabase(MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }

    @Bean
    DurableBeforeOffsetCommit durableBeforeOffsetCommit(MongoClient client, MongoSettings settings) {
        return new DurableBeforeOffsetCommit(
                client, settings.durableBeforeOffsetCommit(), settings.durableFlushInterval());
    }

    @Bean
    AbstractHealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return new AbstractHealthIndicator("The document store is unreachable") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                database.runCommand(new Document("ping", 1));
                builder.up().withDetail("database", database.getName());
            }
        };
    }
}
