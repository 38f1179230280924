package io.parley.routing.offer;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The routing topology's runtime settings ({@code parley.routing.*}).
 *
 * @param stateDir where Kafka Streams keeps its local stores; kept across restarts so a restart does not
 *     replay the changelogs from the start
 * @param applicationId the Kafka Streams application id (also its consumer group): stable, or the state is
 *     lost; distinct from the service's own consumer group
 */
@ConfigurationProperties("parley.routing")
public record RoutingSettings(
        @DefaultValue("data/routing-streams") Path stateDir,
        @DefaultValue("routing-service-router") String applicationId) {}
