package io.parley.presence.availability;

import io.parley.events.Topics;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.presence.StaffStatusEvent;
import io.parley.kit.kafka.EventFanOut;
import io.parley.kit.kafka.KafkaSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every presence instance sees every status change on {@code presence.staff-status.v1}, so a staff member's
 * sockets get their status push whichever instance made the change (an API call, a socket going away, the
 * automatic IDLE and OFFLINE).
 */
@Configuration(proxyBeanMethods = false)
class StatusPushes {

    @Bean
    EventFanOut<String, StaffStatusEvent> statusPushFanOut(
            KafkaSettings kafka, StaffPresence presence, ApplicationEventPublisher local) {
        return new EventFanOut<>(Topics.PRESENCE_STAFF_STATUS, kafka, (staffId, event) -> {
            if (event.payload() instanceof StaffStatusChanged changed) {
                local.publishEvent(new StaffStatusUpdated(presence.view(changed.staffId())));
            }
        });
    }
}
