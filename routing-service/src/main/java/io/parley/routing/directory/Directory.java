package io.parley.routing.directory;

import com.mongodb.client.MongoDatabase;
import io.parley.events.Topics;
import io.parley.events.channel.ChannelAccountEvent;
import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.channel.ChannelAccountRemoved;
import io.parley.events.presence.StaffRemoved;
import io.parley.events.presence.StaffStatusChanged;
import io.parley.events.presence.StaffStatusEvent;
import io.parley.kit.kafka.EventSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The staff ids (from {@code presence.staff-status.v1}) and channel account ids (from
 * {@code channel.account.v1}) that destinations may name.
 */
@Configuration(proxyBeanMethods = false)
public class Directory {

    /** Staff accounts that exist. */
    public record Staff(KnownIds ids) {}

    /** Channel accounts that exist. */
    public record ChannelAccounts(KnownIds ids) {}

    @Bean
    Staff knownStaff(MongoDatabase database) {
        return new Staff(new KnownIds(database, "known_staff"));
    }

    @Bean
    ChannelAccounts knownChannelAccounts(MongoDatabase database) {
        return new ChannelAccounts(new KnownIds(database, "known_channel_accounts"));
    }

    @Bean
    EventSubscription<String, StaffStatusEvent> staffDirectory(Staff staff) {
        return EventSubscription.on(Topics.PRESENCE_STAFF_STATUS, (key, event) -> {
            switch (event.payload()) {
                case StaffStatusChanged changed -> staff.ids().add(changed.staffId());
                case StaffRemoved removed -> staff.ids().remove(removed.staffId());
            }
        });
    }

    @Bean
    EventSubscription<String, ChannelAccountEvent> channelAccountDirectory(ChannelAccounts accounts) {
        return EventSubscription.on(Topics.CHANNEL_ACCOUNT, (key, event) -> {
            switch (event.payload()) {
                case ChannelAccountPublished published -> accounts.ids().add(published.accountId());
                case ChannelAccountRemoved removed -> accounts.ids().remove(removed.accountId());
            }
        });
    }
}
