package io.parley.ingest.account;

import io.parley.events.Channel;
import io.parley.events.channel.ChannelAccountPublished;
import io.parley.events.channel.ChannelAccountPublished.CustomInfoField;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One account on one channel. {@code secrets} (app secret, verify token, access token, channel secret, …)
 * never leave channel-ingest-service: not in events, not in API answers, not in logs.
 *
 * @param settings the channel's other, non-secret settings (mail hosts and ports, a WeChat app id, …); an
 *     account stored before this field existed reads as empty
 * @param platformBaseUrl where this account's platform API is (a setting per account, so tests and the demo
 *     point it at a local stand-in); a third-party account's callback URL
 * @param welcomeMessage the automated greeting when an enquiry opens, if any
 * @param welcomeByTag a greeting per tag id, used instead of {@code welcomeMessage} for an enquiry about that
 *     tag; an account stored before this field existed reads as empty
 */
public record ChannelAccount(
        @BsonId String id,
        Channel channel,
        String name,
        boolean enabled,
        Map<String, String> secrets,
        Map<String, String> settings,
        @Nullable String platformBaseUrl,
        @Nullable String welcomeMessage,
        Map<String, String> welcomeByTag,
        List<CustomInfoField> customInfo,
        Instant updatedAt) {

    public ChannelAccount {
        secrets = Map.copyOf(secrets);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        welcomeByTag = welcomeByTag == null ? Map.of() : Map.copyOf(welcomeByTag);
        customInfo = List.copyOf(customInfo);
    }

    /** The non-secret setting {@code name}, else — for accounts stored before it moved — the secret of that name. */
    public @Nullable String setting(String name) {
        String value = settings.get(name);
        return value != null ? value : secrets.get(name);
    }

    /** The public part, for {@code channel.account.v1}. */
    ChannelAccountPublished snapshot() {
        return new ChannelAccountPublished(id, channel, name, enabled, customInfo, updatedAt);
    }

    @Override
    public String toString() {
        return "ChannelAccount[" + id + ", " + channel + ", " + name + ", secrets=" + secrets.keySet() + "]";
    }
}
