package io.parley.ingest.wechat;

import io.parley.events.AttachmentRef;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import io.parley.ingest.media.MediaStore;
import io.parley.ingest.media.MediaTooLargeException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What a WeChat webhook adds to a message while WeChat waits: the customer's profile and the message's media,
 * fetched side by side and given at most {@code enrichmentBudget} together. Neither ever fails the webhook: a
 * profile that does not come is left out; a file that cannot be kept (an error, a video WeChat only links to,
 * over the media store's limit, out of time) is referred to as {@code wechat-media:<mediaId>} and logged.
 */
@Component
class WeChatEnrichment implements DisposableBean {

    static final String MEDIA_REF = "wechat-media:";
    private static final Logger log = LoggerFactory.getLogger(WeChatEnrichment.class);
    private static final Map<String, String> DEFAULT_TYPES = Map.of(
            "image", "image/jpeg",
            "voice", "audio/amr",
            "video", "video/mp4",
            "shortvideo", "video/mp4");
    private static final Map<String, String> FAMILIES = Map.of(
            "image", "image/",
            "voice", "audio/",
            "video", "video/",
            "shortvideo", "video/");

    private final WeChatAccessTokens tokens;
    private final WeChatFetches fetches;
    private final WeChatProfiles profiles;
    private final MediaStore media;
    private final WeChatSettings settings;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    WeChatEnrichment(
            WeChatAccessTokens tokens,
            WeChatFetches fetches,
            WeChatProfiles profiles,
            MediaStore media,
            WeChatSettings settings) {
        this.tokens = tokens;
        this.fetches = fetches;
        this.profiles = profiles;
        this.media = media;
        this.settings = settings;
    }

    /** The message's customer profile (possibly unknown) and its attachment, if it has media. */
    record Enriched(
            WeChatProfiles.Profile profile, @Nullable AttachmentRef attachment) {}

    static boolean hasMedia(WeChatMessage message) {
        return message.mediaId() != null && DEFAULT_TYPES.containsKey(message.type());
    }

    Enriched enrich(ChannelAccount account, WeChatMessage message) {
        long deadline = System.nanoTime() + settings.enrichmentBudget().toNanos();
        Future<WeChatProfiles.Profile> profile = profiles.kept(account.id(), message.fromUser())
                .<Future<WeChatProfiles.Profile>>map(CompletableFuture::completedFuture)
                .orElseGet(() -> executor.submit(() -> fetchProfile(account, message.fromUser())));
        Future<AttachmentRef> file = hasMedia(message) ? executor.submit(mediaOf(account, message)) : null;
        WeChatProfiles.Profile known = await(profile, deadline, WeChatProfiles.Profile.UNKNOWN, account, "profile");
        AttachmentRef attachment = file == null ? null : await(file, deadline, platformRef(message), account, "media");
        return new Enriched(known, attachment);
    }

    private WeChatProfiles.Profile fetchProfile(ChannelAccount account, String openId) throws InterruptedException {
        if (!(tokens.current(account) instanceof WeChatAccessTokens.Issued token)) {
            return WeChatProfiles.Profile.UNKNOWN;
        }
        return fetches.userInfo(base(account), token.value(), openId)
                .map(info -> profiles.keep(account.id(), openId, info))
                .orElse(WeChatProfiles.Profile.UNKNOWN);
    }

    private Callable<AttachmentRef> mediaOf(ChannelAccount account, WeChatMessage message) {
        return () -> {
            String mediaId = message.mediaId();
            if (mediaId == null || !(tokens.current(account) instanceof WeChatAccessTokens.Issued token)) {
                return platformRef(message);
            }
            try {
                WeChatFetches.Download download =
                        fetches.media(base(account), token.value(), mediaId, media.maxBytes());
                return media.store(
                        download.bytes(), mediaType(message.type(), download.mediaType()), download.fileName());
            } catch (WeChatFetches.NotDownloaded | MediaTooLargeException e) {
                log.warn(
                        "WeChat media {} of account {} not kept: {}; the message refers to it instead",
                        mediaId,
                        account.id(),
                        e.getMessage());
                return platformRef(message);
            }
        };
    }

    /** The downloaded type when it is of the message's kind (an image is image/…), else the kind's usual type. */
    private static String mediaType(String kind, @Nullable String downloaded) {
        String family = FAMILIES.get(kind);
        if (downloaded != null) {
            String type = downloaded.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (family != null && type.startsWith(family)) {
                return type;
            }
        }
        return DEFAULT_TYPES.getOrDefault(kind, "application/octet-stream");
    }

    static AttachmentRef platformRef(WeChatMessage message) {
        return new AttachmentRef(
                MEDIA_REF + message.mediaId(),
                DEFAULT_TYPES.getOrDefault(message.type(), "application/octet-stream"),
                null,
                null);
    }

    private String base(ChannelAccount account) {
        return PlatformHttp.baseUrl(account, settings.apiBaseUrl());
    }

    private <T> T await(Future<T> future, long deadline, T fallback, ChannelAccount account, String what) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            log.warn("WeChat {} for account {} not fetched within {}", what, account.id(), settings.enrichmentBudget());
        } catch (ExecutionException e) {
            log.warn(
                    "WeChat {} for account {} failed: {}",
                    what,
                    account.id(),
                    e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fallback;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
