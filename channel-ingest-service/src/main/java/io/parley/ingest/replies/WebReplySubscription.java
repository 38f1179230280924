package io.parley.ingest.replies;

import io.parley.events.ConversationKey;
import io.parley.events.Topics;
import io.parley.events.channel.OutboundMessageEvent;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** channel-ingest-service delivers {@code channel.outbound-message.v1} in its own group: each reply once. */
@Configuration(proxyBeanMethods = false)
class WebReplySubscription {

    @Bean
    EventSubscription<ConversationKey, OutboundMessageEvent> outboundMessages(WebReplies replies) {
        return EventSubscription.on(Topics.CHANNEL_OUTBOUND_MESSAGE, replies::deliver);
    }
}
