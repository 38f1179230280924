package io.parley.chatroom.socket;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A room socket client as a test drives it: the JDK's WebSocket, every frame it received kept in order. */
final class SocketClient implements AutoCloseable {

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final JsonMapper json;
    private final WebSocket socket;

    private SocketClient(WebSocket.Builder builder, URI uri, JsonMapper json) {
        this.json = json;
        this.socket = builder.buildAsync(uri, new Collector()).join();
    }

    static SocketClient connect(HttpClient http, URI uri, JsonMapper json, Map<String, String> headers) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        return new SocketClient(builder, uri, json);
    }

    void send(Map<String, Object> frame) {
        sendRaw(json.writeValueAsString(frame));
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    void subscribe(String roomId, long after) {
        send(Map.of("type", "subscribe", "roomId", roomId, "after", after));
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    List<JsonNode> frames(String type) {
        return frames.stream()
                .filter(f -> f.path("type").asString().equals(type))
                .toList();
    }

    /** The seqs of the messages received, in the order they came. */
    List<Long> seqs() {
        return frames("message").stream()
                .map(f -> f.path("message").path("seq").asLong())
                .toList();
    }

    JsonNode awaitFrame(Predicate<JsonNode> matching) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> frames.stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    void awaitSeq(long seq) {
        await().atMost(Duration.ofSeconds(20)).until(() -> seqs().contains(seq));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    private final class Collector implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(json.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
