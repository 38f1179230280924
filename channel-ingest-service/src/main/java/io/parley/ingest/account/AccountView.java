package io.parley.ingest.account;

import io.parley.events.Channel;
import io.parley.events.channel.ChannelAccountPublished.CustomInfoField;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A channel account as the admin API shows it: every setting, but of the secrets only which are set —
 * secret values are write-only.
 *
 * @param secretsSet the names of the secrets that have a value, sorted
 */
public record AccountView(
        String id,
        Channel channel,
        String name,
        boolean enabled,
        Map<String, String> settings,
        List<String> secretsSet,
        @Nullable String platformBaseUrl,
        @Nullable String welcomeMessage,
        Map<String, String> welcomeByTag,
        List<CustomInfoField> customInfo,
        Instant updatedAt) {

    static AccountView of(ChannelAccount account) {
        return new AccountView(
                account.id(),
                account.channel(),
                account.name(),
                account.enabled(),
                new TreeMap<>(account.settings()),
                account.secrets().keySet().stream().sorted().toList(),
                account.platformBaseUrl(),
                account.welcomeMessage(),
                new TreeMap<>(account.welcomeByTag()),
                account.customInfo(),
                account.updatedAt());
    }
}
