package io.parley.chatroom.channelinfo;

import io.parley.events.Topics;
import io.parley.events.channel.ChannelAccountEvent;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** chatroom-service follows {@code channel.account.v1}. */
@Configuration(proxyBeanMethods = false)
class ChannelInfoSubscription {

    @Bean
    EventSubscription<String, ChannelAccountEvent> channelAccounts(ChannelInfoDirectory directory) {
        return EventSubscription.on(Topics.CHANNEL_ACCOUNT, directory::apply);
    }
}
