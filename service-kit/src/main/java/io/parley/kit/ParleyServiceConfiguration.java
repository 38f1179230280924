package io.parley.kit;

import io.parley.kit.auth.StaffAuthConfiguration;
import io.parley.kit.kafka.ParleyKafkaConfiguration;
import io.parley.kit.logging.SharedContextLogbackMetrics;
import io.parley.kit.mongo.ParleyMongoConfiguration;
import io.parley.kit.web.ProblemAdvice;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything a Parley service shares, in one import: Kafka with the common error policy, its own MongoDB
 * database, problem+json errors, staff authentication on {@code /api/**}, and a UTC clock that tests may
 * replace.
 */
@Configuration(proxyBeanMethods = false)
@Import({
    ParleyKafkaConfiguration.class,
    ParleyMongoConfiguration.class,
    ProblemAdvice.class,
    StaffAuthConfiguration.class
})
public class ParleyServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** In place of Spring Boot's own, which races the other services' in a one-JVM suite. */
    @Bean
    SharedContextLogbackMetrics logbackMetrics() {
        return SharedContextLogbackMetrics.create();
    }
}
