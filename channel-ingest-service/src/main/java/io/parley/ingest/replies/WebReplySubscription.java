package io.parley.ingest.replies;

import io.parley.events.Channel;
import io.parley.events.ConversationKey;
import io.parley.events.Topics;
import io.parley.events.channel.OutboundMessageEvent;
import io.parley.events.channel.OutboundMessageRequested;
import io.parley.ingest.outbound.OutboundDispatcher;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * channel-ingest-service delivers {@code channel.outbound-message.v1} in its own group, each message once:
 * WEB conversations to the visitor's transcript, the others to their channel's connector. One subscription
 * for the topic, because two in one group would split its partitions between them. Sending waits on the
 * platform (and its rate limit), so there is a consumer per partition: messages of one conversation (one key,
 * one partition) still go out in order, while other conversations' messages do not wait behind them.
 */
@Configuration(proxyBeanMethods = false)
class WebReplySubscription {

    @Bean
    EventSubscription<ConversationKey, OutboundMessageEvent> outboundMessages(
            WebReplies replies, OutboundDispatcher connectors) {
        return EventSubscription.on(Topics.CHANNEL_OUTBOUND_MESSAGE, (key, event) -> {
                    switch (event.payload()) {
                        case OutboundMessageRequested message -> {
                            if (message.conversationKey().channel() == Channel.WEB) {
                                replies.deliver(key, event);
                            } else {
                                connectors.dispatch(message);
                            }
                        }
                    }
                })
                .withConsumerPerPartition();
    }
}
