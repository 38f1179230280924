package io.parley.ingest.wechat;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.parley.ingest.connector.PlatformHttp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The nickname and photo of WeChat customers, per account and openid, kept for {@code profileLifetime} so a
 * conversation asks WeChat about its customer once a day at most. WeChat gives them out only to some
 * accounts (often empty): an empty answer is kept too, so it is not asked again at every message.
 */
@Component
class WeChatProfiles {

    private final MongoCollection<Document> profiles;
    private final WeChatSettings settings;
    private final Clock clock;

    WeChatProfiles(MongoDatabase database, WeChatSettings settings, Clock clock) {
        this.profiles = database.getCollection("wechat_profiles");
        this.settings = settings;
        this.clock = clock;
    }

    /** What is known of a customer. */
    record Profile(@Nullable String nickname, @Nullable String photoUrl) {

        static final Profile UNKNOWN = new Profile(null, null);
    }

    /** The kept profile if it is recent enough. */
    Optional<Profile> kept(String accountId, String openId) {
        Document document = profiles.find(eq("_id", id(accountId, openId))).first();
        if (document == null
                || document.getDate("fetchedAt")
                        .toInstant()
                        .plus(settings.profileLifetime())
                        .isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Profile(document.getString("nickname"), document.getString("photoUrl")));
    }

    /** Keeps WeChat's {@code user/info} answer and returns what it said. */
    Profile keep(String accountId, String openId, JsonNode userInfo) {
        Profile profile = new Profile(nonBlank(userInfo, "nickname"), nonBlank(userInfo, "headimgurl"));
        Instant now = clock.instant();
        profiles.replaceOne(
                eq("_id", id(accountId, openId)),
                new Document("_id", id(accountId, openId))
                        .append("nickname", profile.nickname())
                        .append("photoUrl", profile.photoUrl())
                        .append("fetchedAt", now),
                new ReplaceOptions().upsert(true));
        return profile;
    }

    private static @Nullable String nonBlank(JsonNode json, String field) {
        String value = PlatformHttp.text(json, field);
        return value == null || value.isBlank() ? null : value;
    }

    private static String id(String accountId, String openId) {
        return accountId + ":" + openId;
    }
}
