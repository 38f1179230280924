package io.parley.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The signer's public keys, fetched from its JWKS URI and cached. A key id the cache does not know causes a
 * re-fetch at most every {@link #REFETCH_INTERVAL}, so a flood of tokens with made-up key ids cannot turn
 * into a flood of requests to presence-service. Until the first fetch succeeds, a failed fetch is retried
 * at most every {@link #RETRY_INTERVAL}.
 */
final class RemoteKeySet implements KeySource {

    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    private final URI uri;
    private final Clock clock;
    private final HttpClient http;

    private volatile @Nullable JWKSet keys;
    private @Nullable Instant lastAttempt;

    RemoteKeySet(URI uri, Clock clock) {
        this.uri = uri;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(FETCH_TIMEOUT)
                .build();
    }

    /**
     * The key with this id, or null when the signer does not publish one.
     *
     * @throws KeySetUnavailableException when no key set was ever fetched and fetching fails now
     */
    @Override
    public @Nullable JWK key(String keyId) {
        JWKSet cached = keys;
        if (cached != null && cached.getKeyByKeyId(keyId) != null) {
            return cached.getKeyByKeyId(keyId);
        }
        synchronized (this) {
            cached = keys;
            if (cached != null && cached.getKeyByKeyId(keyId) != null) {
                return cached.getKeyByKeyId(keyId);
            }
            Instant now = clock.instant();
            Duration wait = cached == null ? RETRY_INTERVAL : REFETCH_INTERVAL;
            if (lastAttempt != null && now.isBefore(lastAttempt.plus(wait))) {
                if (cached == null) {
                    throw new KeySetUnavailableException("signing keys unavailable (fetch failed recently)", null);
                }
                return null;
            }
            lastAttempt = now;
            try {
                JWKSet fetched = fetch();
                keys = fetched;
                return fetched.getKeyByKeyId(keyId);
            } catch (IOException | ParseException e) {
                if (cached == null) {
                    throw new KeySetUnavailableException("signing keys unavailable from " + uri + ": " + e, e);
                }
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeySetUnavailableException("interrupted while fetching signing keys", e);
            }
        }
    }

    private JWKSet fetch() throws IOException, InterruptedException, ParseException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(FETCH_TIMEOUT)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("answered " + response.statusCode());
        }
        return JWKSet.parse(response.body());
    }
}
