package io.parley.ingest.connector;

import io.parley.events.Channel;
import io.parley.ingest.account.ChannelAccount;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One channel's profile API, as {@link CustomerProfiles} uses it: a customer's name and picture. */
public interface ProfileApi {

    Channel channel();

    /**
     * Asks the platform for the customer's profile.
     *
     * @return empty when the platform gave none (an error, no token, an unknown customer)
     */
    Optional<Profile> fetch(ChannelAccount account, String customerId);

    /**
     * @param displayName the name to show staff
     * @param pictureUrl the platform's (expiring) picture URL
     */
    record Profile(@Nullable String displayName, @Nullable URI pictureUrl) {}
}
