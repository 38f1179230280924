package io.parley.kit.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service keeps its state ({@code parley.mongo.*}; {@code PARLEY_MONGO_URI} sets the server).
 *
 * @param uri a MongoDB connection string
 * @param database this service's own database: no other service reads it
 * @param durableBeforeOffsetCommit whether Kafka consumers make the store's writes durable before each offset
 *     commit ({@link DurableBeforeOffsetCommit}): for a store that acknowledges writes before they are on disk,
 *     like the embedded one (the launcher sets it then); a MongoDB with journaled writes does not need it
 * @param durableFlushInterval then, how often at most the store is asked to commit for the offset commits held
 *     back until it does (one thread a service asks for all its consumers)
 */
@ConfigurationProperties("parley.mongo")
public record MongoSettings(
        @DefaultValue("mongodb://127.0.0.1:27017") String uri,
        String database,
        @DefaultValue("false") boolean durableBeforeOffsetCommit,
        @DefaultValue("1s") Duration durableFlushInterval) {}
