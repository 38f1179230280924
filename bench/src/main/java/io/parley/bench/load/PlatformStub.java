package io.parley.bench.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for every platform's send API (Graph, LINE, WOZTELL, a third party's callback): one JDK HTTP
 * server that answers any POST with a body each connector reads as success, and reports the benchmark's
 * message ids found in what it received, with the time of receipt. The demo channel accounts send here
 * when the suite runs with {@code PARLEY_DEMO_PLATFORM_URL} set to {@link #url()}.
 */
final class PlatformStub implements AutoCloseable {

    /**
     * A body that every connector takes as "sent": Graph, WhatsApp, LINE and WOZTELL each read their part;
     * WeChat reads {@code access_token} from its token endpoint and {@code errcode} 0 from its send API.
     */
    private static final byte[] ANSWER =
            "{\"access_token\":\"bench-token\",\"expires_in\":7200,\"errcode\":0,\"errmsg\":\"ok\",\"recipient_id\":\"r\",\"message_id\":\"bench-out\",\"messages\":[{\"id\":\"bench-out\"}],\"sentMessages\":[{\"id\":\"bench-out\",\"quoteToken\":\"q\"}],\"ok\":1,\"messageId\":\"bench-out\"}"
                    .getBytes(StandardCharsets.UTF_8);

    static final Pattern MESSAGE_ID = Pattern.compile("bench (c\\d+) (s\\d+)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong requests = new AtomicLong();

    private PlatformStub(HttpServer server) {
        this.server = server;
    }

    /**
     * @param port 0 for any free port
     * @param received called with each benchmark message id ({@code c12 s1}) and its receipt time (nanos)
     */
    static PlatformStub start(int port, BiConsumer<String, Long> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        PlatformStub stub = new PlatformStub(server);
        server.createContext("/", exchange -> {
            long at = System.nanoTime();
            stub.requests.incrementAndGet();
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher matcher = MESSAGE_ID.matcher(body);
                while (matcher.find()) {
                    received.accept(matcher.group(1) + " " + matcher.group(2), at);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ANSWER.length);
                exchange.getResponseBody().write(ANSWER);
            }
        });
        server.setExecutor(stub.executor);
        server.start();
        return stub;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
