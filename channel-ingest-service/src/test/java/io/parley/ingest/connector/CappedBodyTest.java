package io.parley.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class CappedBodyTest {

    @Test
    void aBodyWithinTheLimitIsReadWhole() {
        Subscription subscription = new Subscription();
        HttpResponse.BodySubscriber<CappedBody.Bytes> body = CappedBody.upTo(10).apply(info(Map.of()));

        body.onSubscribe(subscription);
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4, 5})));
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {6, 7, 8, 9, 10})));
        body.onComplete();

        CappedBody.Bytes bytes = body.getBody().toCompletableFuture().join();
        assertThat(bytes.tooLarge()).isFalse();
        assertThat(bytes.bytes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(subscription.cancelled).isFalse();
    }

    @Test
    void oneByteOverTheLimitCancelsTheDownload() {
        Subscription subscription = new Subscription();
        HttpResponse.BodySubscriber<CappedBody.Bytes> body = CappedBody.upTo(10).apply(info(Map.of()));

        body.onSubscribe(subscription);
        body.onNext(List.of(ByteBuffer.wrap(new byte[6])));
        body.onNext(List.of(ByteBuffer.wrap(new byte[5])));

        assertThat(body.getBody().toCompletableFuture().join().tooLarge()).isTrue();
        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested).isEqualTo(2);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsNotReadAtAll() {
        Subscription subscription = new Subscription();
        HttpResponse.BodySubscriber<CappedBody.Bytes> body =
                CappedBody.upTo(10).apply(info(Map.of("Content-Length", List.of("11"))));

        body.onSubscribe(subscription);

        assertThat(body.getBody().toCompletableFuture().join().tooLarge()).isTrue();
        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested).isZero();
    }

    private static HttpResponse.ResponseInfo info(Map<String, List<String>> headers) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return 200;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (name, value) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static final class Subscription implements Flow.Subscription {

        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
