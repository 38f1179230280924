package io.parley.ingest.connector;

import io.parley.events.AttachmentRef;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.media.MediaStore;
import io.parley.ingest.media.MediaTooLargeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches a customer's media from the platform into the {@link MediaStore} while the platform's URL still
 * works: only from the channel's allowed hosts ({@link MediaFetchSettings}), following a redirect only to
 * another allowed host (and sending the account's token only to the first host), reading at most the store's
 * limit, within the timeout, and keeping the file with the type its bytes show — a file sent as an image
 * must be one. A file that is not kept stays on the message as the platform's reference, with a note saying
 * why; a message is never lost for its media.
 */
@Component
public class MediaFetcher {

    private static final Logger log = LoggerFactory.getLogger(MediaFetcher.class);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final MediaStore store;
    private final MediaFetchSettings settings;
    private final HttpClient http;

    MediaFetcher(MediaStore store, MediaFetchSettings settings) {
        this.store = store;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * One attachment of an inbound message as the platform named it, and how to fetch it.
     *
     * @param declared the platform's reference, declared media type and file name
     */
    public record Pending(AttachmentRef declared, Callable<Result> fetch) {}

    /**
     * An attachment as it goes on the message.
     *
     * @param attachment the kept file's {@code parley://} reference, or the platform's when it was not kept
     * @param note why it was not kept, for the message's text; null when kept
     */
    public record Result(AttachmentRef attachment, @Nullable String note) {}

    /** Fetches every attachment of one message side by side, all within the timeout; in their order. */
    public List<Result> keepAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Future<Result>> futures;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            futures = threads.invokeAll(
                    pending.stream().map(Pending::fetch).toList(),
                    settings.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending.stream()
                    .map(p -> notKept(p.declared(), "not fetched: interrupted"))
                    .toList();
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Future<Result> future = futures.get(i);
            AttachmentRef declared = pending.get(i).declared();
            results.add(
                    switch (future.state()) {
                        case SUCCESS -> future.resultNow();
                        case FAILED -> {
                            log.warn(
                                    "Fetching media failed: {}",
                                    future.exceptionNow().toString());
                            yield notKept(declared, "not fetched: an error occurred");
                        }
                        default ->
                            notKept(
                                    declared,
                                    "not fetched within " + settings.timeout().toMillis() + " ms");
                    });
        }
        return results;
    }

    /**
     * Fetches, side by side, attachments the platform names by a plain URL that needs no token (Messenger-like
     * links: WOZTELL, third-party systems); a reference that is not an absolute URL stays as it is, with a note.
     */
    public List<Result> keepLinked(ChannelAccount account, List<AttachmentRef> linked) {
        return keepAll(linked.stream()
                .map(declared -> new Pending(declared, () -> fetchLinked(account, declared)))
                .toList());
    }

    private Result fetchLinked(ChannelAccount account, AttachmentRef declared) {
        URI url = PlatformHttp.absolute(declared.ref());
        if (url == null) {
            return notKept(declared, "not fetched: its address is not a URL");
        }
        return fetch(account, url, null, declared);
    }

    /**
     * Fetches {@code url} for the account and keeps it.
     *
     * @param bearer the account's token for the platform's media host, sent to {@code url}'s host only
     */
    public Result fetch(ChannelAccount account, URI url, @Nullable String bearer, AttachmentRef declared) {
        List<String> hosts = settings.allowedHostsOf(account.channel());
        URI current = url;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            if (!MediaHosts.allows(account, hosts, current)) {
                log.warn(
                        "Media of account {} on host {} not fetched: not one of the channel's media hosts",
                        account.id(),
                        current.getHost());
                return notKept(declared, "not fetched: not from the platform's media hosts");
            }
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(current).timeout(settings.timeout()).GET();
            if (bearer != null && url.getHost().equalsIgnoreCase(current.getHost())) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<CappedBody.Bytes> response;
            try {
                response = http.send(request.build(), CappedBody.upTo(store.maxBytes()));
            } catch (IOException e) {
                return notKept(declared, "not fetched: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return notKept(declared, "not fetched in time");
            }
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                var location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return notKept(declared, "not fetched: a redirect without a location");
                }
                try {
                    current = current.resolve(location.get());
                } catch (IllegalArgumentException e) {
                    return notKept(declared, "not fetched: a redirect to a malformed location");
                }
                continue;
            }
            if (status != 200) {
                return notKept(declared, "not fetched: the platform answered HTTP " + status);
            }
            CappedBody.Bytes body = response.body();
            if (body.tooLarge()) {
                return tooLarge(declared);
            }
            return keep(
                    declared,
                    body.bytes(),
                    response.headers().firstValue("Content-Type").orElse(null));
        }
        return notKept(declared, "not fetched: too many redirects");
    }

    /** The attachment as the platform named it, with a note for the message's text. */
    public static Result notKept(AttachmentRef declared, String why) {
        return new Result(declared, "[" + label(declared.mediaType()) + " " + why + "]");
    }

    private Result keep(AttachmentRef declared, byte[] bytes, @Nullable String headerType) {
        if (bytes.length == 0) {
            return notKept(declared, "not kept: the platform sent an empty file");
        }
        String type = MediaSniffer.keptType(declared.mediaType(), bytes, headerType);
        if (type == null) {
            return notKept(declared, "not kept: its content is not what it was sent as");
        }
        try {
            return new Result(store.store(bytes, type, declared.fileName()), null);
        } catch (MediaTooLargeException e) {
            return tooLarge(declared);
        }
    }

    private Result tooLarge(AttachmentRef declared) {
        return notKept(declared, "not kept: larger than " + store.maxBytes() / (1024 * 1024) + " MB");
    }

    private static String label(String mediaType) {
        String family = mediaType.toLowerCase(Locale.ROOT);
        if (family.startsWith("image/")) {
            return "image";
        }
        if (family.startsWith("video/")) {
            return "video";
        }
        if (family.startsWith("audio/")) {
            return "audio";
        }
        return "file";
    }
}
