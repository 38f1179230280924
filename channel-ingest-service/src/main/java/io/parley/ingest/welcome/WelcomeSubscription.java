package io.parley.ingest.welcome;

import io.parley.events.Topics;
import io.parley.events.enquiry.EnquiryEvent;
import io.parley.events.enquiry.EnquiryOpened;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * channel-ingest-service follows {@code enquiry.lifecycle.v1} in its own group for welcome messages, a consumer
 * per partition (each opening may call a platform).
 */
@Configuration(proxyBeanMethods = false)
class WelcomeSubscription {

    @Bean
    EventSubscription<String, EnquiryEvent> enquiryLifecycle(WelcomeMessages welcome) {
        return EventSubscription.on(Topics.ENQUIRY_LIFECYCLE, welcome::onLifecycle)
                .onlyTypes(EnquiryOpened.class)
                .withConsumerPerPartition();
    }
}
