package io.parley.ingest.wechat;

import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.connector.PlatformHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one place that holds each WeChat account's access token: fetched from {@code POST
 * {api}/cgi-bin/stable_token} when first needed, kept until {@code tokenRefreshMargin} before it expires,
 * and fetched by one caller at a time per account (the others wait and share it). A token WeChat refused
 * is replaced once on request ({@link #renewed}); a change of the account's app id, secret or platform URL
 * makes the kept token unusable. The stable-token endpoint answers every caller with the same token while it
 * is valid, so several instances of this service do not invalidate each other's tokens.
 */
@Component
class WeChatAccessTokens {

    static final String APP_ID = "appId";
    static final String APP_SECRET = "appSecret";

    private final PlatformHttp http;
    private final WeChatSettings settings;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    WeChatAccessTokens(PlatformHttp http, WeChatSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /** What asking for a token came to. */
    sealed interface Token permits Issued, Refused, Unavailable {}

    /** A token to call the API with. */
    record Issued(String value) implements Token {

        @Override
        public String toString() {
            return "Issued[…]";
        }
    }

    /** WeChat refused the account's app id or secret, or the account lacks them: an admin must act. */
    record Refused(String detail) implements Token {}

    /** WeChat could not be reached or answered nonsense: try later. */
    record Unavailable(String detail) implements Token {}

    private record Kept(String token, Instant refreshAt, String credentials) {}

    /** The account's current token, fetched if none is kept or it is about to expire. */
    Token current(ChannelAccount account) {
        return obtain(account, null);
    }

    /**
     * A token to use instead of {@code rejected}, which WeChat refused: another caller's newer token if there
     * is one, else a freshly fetched one.
     */
    Token renewed(ChannelAccount account, String rejected) {
        return obtain(account, rejected);
    }

    private Token obtain(ChannelAccount account, @Nullable String rejected) {
        String appId = account.setting(APP_ID);
        String secret = account.secrets().get(APP_SECRET);
        if (appId == null || appId.isBlank() || secret == null || secret.isBlank()) {
            return new Refused("The channel account has no appId or appSecret: an admin must set them");
        }
        String base = PlatformHttp.baseUrl(account, settings.apiBaseUrl());
        String credentials = fingerprint(appId, secret, base);
        Kept usable = usable(account.id(), credentials, rejected);
        if (usable != null) {
            return new Issued(usable.token());
        }
        synchronized (locks.computeIfAbsent(account.id(), id -> new Object())) {
            usable = usable(account.id(), credentials, rejected);
            if (usable != null) {
                return new Issued(usable.token());
            }
            Token fetched = fetch(account.id(), base, appId, secret, credentials);
            if (!(fetched instanceof Issued)) {
                kept.remove(account.id());
            }
            return fetched;
        }
    }

    private @Nullable Kept usable(String accountId, String credentials, @Nullable String rejected) {
        Kept token = kept.get(accountId);
        if (token == null
                || !token.credentials().equals(credentials)
                || token.token().equals(rejected)
                || !clock.instant().isBefore(token.refreshAt())) {
            return null;
        }
        return token;
    }

    private Token fetch(String accountId, String base, String appId, String secret, String credentials) {
        String body = PlatformHttp.JSON.writeValueAsString(
                Map.of("grant_type", "client_credential", "appid", appId, "secret", secret, "force_refresh", false));
        URI uri = URI.create(base + "/cgi-bin/stable_token");
        PlatformHttp.Result result =
                http.exchange(accountId, () -> http.jsonPost(uri, body).build());
        return switch (result) {
            case PlatformHttp.Unreachable unreachable -> new Unavailable(unreachable.detail());
            case PlatformHttp.Answered answer when !answer.ok() -> new Unavailable("HTTP " + answer.status());
            case PlatformHttp.Answered answer -> issued(accountId, answer.json(), credentials);
        };
    }

    private Token issued(String accountId, JsonNode json, String credentials) {
        String token = PlatformHttp.text(json, "access_token");
        if (token == null || token.isBlank()) {
            int errcode = json.path("errcode").asInt(0);
            String errmsg = PlatformHttp.text(json, "errmsg");
            return errcode != 0
                    ? new Refused("WeChat refused the app id or secret: " + errcode + " " + errmsg)
                    : new Unavailable("WeChat answered without an access token");
        }
        Duration lifetime =
                Duration.ofSeconds(Math.max(1, json.path("expires_in").asLong(7200)));
        Duration margin = settings.tokenRefreshMargin();
        Duration usableFor =
                lifetime.compareTo(margin.multipliedBy(2)) > 0 ? lifetime.minus(margin) : lifetime.dividedBy(2);
        kept.put(accountId, new Kept(token, clock.instant().plus(usableFor), credentials));
        return new Issued(token);
    }

    /** Identifies the credentials a token was issued for without keeping the secret itself. */
    private static String fingerprint(String appId, String secret, String base) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((appId + '\n' + secret + '\n' + base).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
