package io.parley.ingest.connector;

import io.parley.ingest.account.ChannelAccount;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether a media URL may be fetched for a channel account: an HTTPS URL on one of its channel's configured
 * hosts, or any URL on the host and port of the account's own {@code platformBaseUrl}. A URL with user info
 * is never fetched.
 */
final class MediaHosts {

    private MediaHosts() {}

    static boolean allows(ChannelAccount account, List<String> patterns, URI url) {
        String host = url.getHost();
        if (host == null || url.getRawUserInfo() != null || url.getScheme() == null) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (sameOrigin(url, account.platformBaseUrl())) {
            return scheme.equals("https") || scheme.equals("http");
        }
        if (!scheme.equals("https")) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return patterns.stream()
                .anyMatch(pattern -> matches(pattern.toLowerCase(Locale.ROOT).trim(), lower));
    }

    static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1;
        }
        return host.equals(pattern);
    }

    private static boolean sameOrigin(URI url, @Nullable String base) {
        if (base == null) {
            return false;
        }
        try {
            URI baseUri = URI.create(base);
            return baseUri.getHost() != null
                    && baseUri.getHost().equalsIgnoreCase(url.getHost())
                    && port(baseUri) == port(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
