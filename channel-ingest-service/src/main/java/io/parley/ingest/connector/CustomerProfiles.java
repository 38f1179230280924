package io.parley.ingest.connector;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.parley.events.AttachmentRef;
import io.parley.events.Channel;
import io.parley.events.Customer;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.media.MediaStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The customers of the messaging channels as staff see them: the name and picture from the platform's
 * profile API ({@link ProfileApi}, for the channels that have one), cached per account and customer (bounded,
 * each profile for {@code ttl}; a failed fetch is not retried for {@code retryAfter}). The picture is kept in
 * the {@link MediaStore} — platform picture URLs expire, and a same-origin URL does not make staff browsers
 * call the platform — and given as its path {@code /api/attachments/{id}}. A profile that cannot be had never
 * fails the webhook: the name falls back to what the payload carried.
 */
@Component
public class CustomerProfiles {

    private static final Logger log = LoggerFactory.getLogger(CustomerProfiles.class);

    private final Map<Channel, ProfileApi> apis = new EnumMap<>(Channel.class);
    private final MediaFetcher media;
    private final Cache<String, Known> cache;

    CustomerProfiles(List<ProfileApi> apis, MediaFetcher media, ProfileSettings settings) {
        apis.forEach(api -> this.apis.put(api.channel(), api));
        this.media = media;
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(Expiry.<String, Known>creating(
                        (key, known) -> known.fetched() ? settings.ttl() : settings.retryAfter()))
                .build();
    }

    /** What is known of a profile: fetched (possibly without a name or picture) or not had this time. */
    private record Known(
            boolean fetched,
            @Nullable String displayName,
            @Nullable String photoUrl) {

        static final Known NONE = new Known(false, null, null);
    }

    /**
     * The customer to put on an inbound message.
     *
     * @param nameInPayload the name the webhook carried, if any: used when the profile has none
     */
    public Customer customer(ChannelAccount account, String customerId, @Nullable String nameInPayload) {
        ProfileApi api = apis.get(account.channel());
        if (api == null) {
            return new Customer(customerId, nameInPayload, null, null);
        }
        Known known = cache.get(
                account.channel().label() + ":" + account.id() + ":" + customerId,
                key -> load(api, account, customerId));
        return new Customer(
                customerId, known.displayName() != null ? known.displayName() : nameInPayload, known.photoUrl(), null);
    }

    private Known load(ProfileApi api, ChannelAccount account, String customerId) {
        Optional<ProfileApi.Profile> profile;
        try {
            profile = api.fetch(account, customerId);
        } catch (RuntimeException e) {
            log.warn(
                    "The {} profile of a customer of account {} failed: {}",
                    account.channel(),
                    account.id(),
                    e.toString());
            return Known.NONE;
        }
        if (profile.isEmpty()) {
            return Known.NONE;
        }
        String photoUrl = null;
        if (profile.get().pictureUrl() != null) {
            MediaFetcher.Result picture = media.fetch(
                    account,
                    profile.get().pictureUrl(),
                    null,
                    new AttachmentRef(profile.get().pictureUrl().toString(), "image/*", null, null));
            photoUrl = MediaStore.idOf(picture.attachment().ref())
                    .map(id -> "/api/attachments/" + id)
                    .orElse(null);
        }
        String name = profile.get().displayName();
        return new Known(true, name == null || name.isBlank() ? null : name.strip(), photoUrl);
    }
}
