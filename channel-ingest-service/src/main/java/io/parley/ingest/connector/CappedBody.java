package io.parley.ingest.connector;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: one byte more and the download is cancelled, so a file
 * over the limit costs at most the limit in memory and bandwidth.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {

    /** The body, or {@code tooLarge} without its bytes. */
    record Bytes(byte[] bytes, boolean tooLarge) {

        static final Bytes TOO_LARGE = new Bytes(new byte[0], true);
    }

    private final long limit;
    private final boolean knownTooLarge;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Bytes> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long limit, boolean knownTooLarge) {
        this.limit = limit;
        this.knownTooLarge = knownTooLarge;
    }

    /** A handler that reads at most {@code limit} bytes, and none when the declared length is over it. */
    static HttpResponse.BodyHandler<Bytes> upTo(long limit) {
        return info -> new CappedBody(
                limit, info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (knownTooLarge) {
            result.complete(Bytes.TOO_LARGE);
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (out.size() + (long) buffer.remaining() > limit) {
                result.complete(Bytes.TOO_LARGE);
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.writeBytes(chunk);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new Bytes(out.toByteArray(), false));
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return result;
    }
}
