package io.parley.ingest.account;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/admin/channel-accounts/{id}}. Everything may be absent here so that {@link
 * ChannelAccountAdministration} can say which field is wrong.
 *
 * @param secrets only the names given change: a value sets it, {@code ""} or {@code null} removes it
 */
public record AccountRequest(
        @Nullable String channel,
        @Nullable String name,
        @Nullable Boolean enabled,
        @Nullable Map<String, @Nullable String> settings,
        @Nullable Map<String, @Nullable String> secrets,
        @Nullable String platformBaseUrl,
        @Nullable String welcomeMessage,
        @Nullable Map<String, @Nullable String> welcomeByTag,
        @Nullable List<@Nullable Field> customInfo) {

    /** Never the secrets' values, should a request ever be logged. */
    @Override
    public String toString() {
        return "AccountRequest[" + channel + ", " + name + ", secrets=" + (secrets == null ? "{}" : secrets.keySet())
                + "]";
    }

    /** One custom info field as sent. */
    public record Field(@Nullable String label, @Nullable String value) {}
}
