package io.parley.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A staff member's {@code /ws/agent} socket opened through the gateway, as the console opens it: every frame
 * the server sends is kept, in order, so a test can wait for the Open Enquiry panel's live updates.
 */
final class AgentSocket implements AutoCloseable {

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private AgentSocket(String gatewayUrl, String token) throws Exception {
        URI uri = URI.create(gatewayUrl.replaceFirst("^http", "ws") + "/ws/agent");
        this.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .buildAsync(uri, new Collector())
                .get(30, TimeUnit.SECONDS);
    }

    /** Opens the socket of the staff member whose token this is. */
    static AgentSocket open(String gatewayUrl, String token) {
        try {
            return new AgentSocket(gatewayUrl, token);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open /ws/agent through the gateway", e);
        }
    }

    /** Every frame received so far, oldest first. */
    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** The offers of every {@code offer.created} frame received so far. */
    List<JsonNode> offersCreated() {
        return frames.stream()
                .filter(frame -> "offer.created".equals(frame.path("type").asString()))
                .map(frame -> frame.path("offer"))
                .toList();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    /** Joins the parts of each text frame and keeps it as JSON. */
    private final class Collector implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(Gateway.JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
