package io.parley.ingest.visitor.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.ingest.RunningIngest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code /ws/visitor} with an allow-list in {@code parley.widget.allowed-origins}: pages of the listed sites and
 * of the public origin (the web link pages) may open it, any other site's page is refused at the handshake.
 */
@TestPropertySource(properties = "parley.widget.allowed-origins=https://shop.example, https://*.partner.example")
class VisitorSocketOriginIT extends RunningIngest {

    @Test
    void aListedSiteAWildcardSiteAndThePublicOriginMayOpenTheSocket() throws Exception {
        for (String origin :
                new String[] {"https://shop.example", "https://eu.partner.example", "https://chat.example.test"}) {
            // Without a token the upgrade succeeds and the socket is then closed as a policy violation.
            assertThat(closeCodeFrom(origin)).as("close code for %s", origin).isEqualTo(1008);
        }
    }

    @Test
    void anotherSitesPageIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> closeCodeFrom("https://evil.example"))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        refused ->
                                assertThat(refused.getResponse().statusCode()).isEqualTo(403));
    }

    private int closeCodeFrom(String origin) throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Origin", origin)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/visitor"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                })
                .get(20, TimeUnit.SECONDS);
        try {
            return closed.get(20, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }
}
