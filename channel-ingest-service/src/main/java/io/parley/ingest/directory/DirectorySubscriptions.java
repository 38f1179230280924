package io.parley.ingest.directory;

import io.parley.events.Topics;
import io.parley.events.presence.StaffStatusEvent;
import io.parley.events.routing.DestinationEvent;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** channel-ingest-service follows the compacted {@code routing.destination.v1} and {@code presence.staff-status.v1}. */
@Configuration(proxyBeanMethods = false)
class DirectorySubscriptions {

    @Bean
    EventSubscription<String, DestinationEvent> destinationsAndTags(Directory directory) {
        return EventSubscription.on(Topics.ROUTING_DESTINATION, directory::followRouting);
    }

    @Bean
    EventSubscription<String, StaffStatusEvent> staffStatuses(Directory directory) {
        return EventSubscription.on(Topics.PRESENCE_STAFF_STATUS, directory::followPresence);
    }
}
