package io.parley.presence.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.parley.events.presence.Availability;
import io.parley.events.routing.OfferCreated;
import io.parley.events.routing.OfferWithdrawn;
import io.parley.kit.kafka.EventPublisher;
import io.parley.presence.RunningPresence;
import io.parley.presence.availability.StaffPresence;
import io.parley.presence.offers.OfferMother;
import io.parley.presence.staff.Role;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The agent socket of a running presence-service, driven by the JDK's WebSocket client. */
class AgentSocketIT extends RunningPresence {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EventPublisher publisher;

    @Autowired
    StaffPresence presence;

    @Test
    void connectingWithTheSessionCookieGivesASnapshotOfStatusAndOffers() throws Exception {
        Staff alice = newStaff(Role.STAFF);
        put("/api/presence/me", alice.token(), "ACTIVE");
        OfferCreated waiting = offer(alice.id());
        OfferMother.publish(publisher, waiting);
        await().atMost(WAIT)
                .until(() -> !get("/api/enquiries/offers", alice.token()).body().equals("[]"));

        try (Client client = Client.connect(socketUri(""), Map.of("Cookie", "parley_session=" + alice.token()))) {
            JsonNode snapshot = client.next("snapshot");

            assertThat(snapshot.path("status").path("status").asString()).isEqualTo("ACTIVE");
            assertThat(snapshot.path("status").path("staffId").asString()).isEqualTo(alice.id());
            assertThat(snapshot.path("offers")
                            .valueStream()
                            .map(o -> o.path("enquiryId").asString()))
                    .containsExactly(waiting.enquiryId());
            await().atMost(WAIT).until(() -> presence.view(alice.id()).connectedSockets() == 1);
        }
        await().atMost(WAIT).until(() -> presence.view(alice.id()).connectedSockets() == 0);
    }

    @Test
    void statusChangesAndOffersArePushedAsTheyHappen() throws Exception {
        Staff bob = newStaff(Role.STAFF);
        try (Client client = Client.connect(socketUri("?access_token=" + bob.token()), Map.of())) {
            JsonNode snapshot = client.next("snapshot");

            put("/api/presence/me", bob.token(), "ACTIVE");
            JsonNode status = client.next("status");
            assertThat(status.path("status").path("status").asString()).isEqualTo("ACTIVE");
            // A client keeps the newest of snapshot, pushes and answers by their version.
            assertThat(status.path("status").path("version").asLong())
                    .isGreaterThan(snapshot.path("status").path("version").asLong());

            OfferCreated offer = offer(bob.id());
            OfferMother.publish(publisher, offer);
            JsonNode created = client.next("offer.created");
            assertThat(created.path("offer").path("enquiryId").asString()).isEqualTo(offer.enquiryId());
            assertThat(created.path("offer").path("customer").path("name").asString())
                    .isEqualTo("Customer Name");

            OfferMother.publish(
                    publisher,
                    new OfferWithdrawn(bob.id(), offer.enquiryId(), OfferWithdrawn.Reason.EXPIRED, CLOCK.instant()));
            JsonNode withdrawn = client.next("offer.withdrawn");
            assertThat(withdrawn.path("enquiryId").asString()).isEqualTo(offer.enquiryId());
            assertThat(withdrawn.path("reason").asString()).isEqualTo("EXPIRED");
        }
    }

    @Test
    void pingIsAnsweredPongAndCountsAsActivity() throws Exception {
        Staff carol = newStaff(Role.STAFF);
        put("/api/presence/me", carol.token(), "ACTIVE");
        try (Client client = Client.connect(socketUri("?access_token=" + carol.token()), Map.of())) {
            client.next("snapshot");
            CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
            await().atMost(WAIT).until(() -> presence.view(carol.id()).status() == Availability.IDLE);

            client.send("{\"type\":\"ping\"}");

            client.next("pong");
            await().atMost(WAIT).until(() -> presence.view(carol.id()).status() == Availability.ACTIVE);
        }
    }

    @Test
    void staffMemberWhoseLastSocketIsGoneLongerThanTheGraceBecomesOffline() throws Exception {
        Staff dave = newStaff(Role.STAFF);
        put("/api/presence/me", dave.token(), "ACTIVE");
        try (Client client = Client.connect(socketUri("?access_token=" + dave.token()), Map.of())) {
            client.next("snapshot");
        }
        await().atMost(WAIT).until(() -> presence.view(dave.id()).connectedSockets() == 0);
        assertThat(presence.view(dave.id()).status()).isEqualTo(Availability.ACTIVE);

        CLOCK.advance(Duration.ofSeconds(16));

        await().atMost(WAIT).until(() -> presence.view(dave.id()).status() == Availability.OFFLINE);
    }

    @Test
    void logoutClosesTheSessionsSockets() throws Exception {
        Staff erin = newStaff(Role.STAFF);
        try (Client client = Client.connect(socketUri("?access_token=" + erin.token()), Map.of())) {
            client.next("snapshot");

            send("POST", "/api/auth/logout", erin.token(), null);

            assertThat(client.closed.get(20, TimeUnit.SECONDS)).isEqualTo(AgentSockets.SESSION_ENDED);
        }
    }

    @Test
    void socketWithoutAValidTokenIsRefused() {
        Throwable missing = catchThrowable(() -> Client.connect(socketUri(""), Map.of()));
        Throwable forged = catchThrowable(() -> Client.connect(socketUri("?access_token=forged"), Map.of()));

        assertThat(handshakeStatus(missing)).isEqualTo(401);
        assertThat(handshakeStatus(forged)).isEqualTo(401);
    }

    @Test
    void browserPageOfAnotherOriginIsRefused() throws Exception {
        Staff frank = newStaff(Role.STAFF);

        Throwable refused = catchThrowable(() ->
                Client.connect(socketUri("?access_token=" + frank.token()), Map.of("Origin", "https://evil.example")));
        try (Client allowed = Client.connect(
                socketUri("?access_token=" + frank.token()), Map.of("Origin", "http://localhost:8080"))) {
            assertThat(allowed.next("snapshot")).isNotNull();
        }

        assertThat(handshakeStatus(refused)).isEqualTo(403);
    }

    private static int handshakeStatus(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof WebSocketHandshakeException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a refused handshake, got %s", thrown).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }

    private URI socketUri(String query) {
        return URI.create("ws://127.0.0.1:" + port + "/ws/agent" + query);
    }

    private void put(String path, String token, String status) throws Exception {
        assertThat(send("PUT", path, token, JSON.writeValueAsString(Map.of("status", status)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Override
    protected java.net.http.HttpResponse<String> get(String path, String token) {
        try {
            return super.get(path, token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static OfferCreated offer(String staffId) {
        return io.parley.presence.offers.OfferMother.offer(
                staffId, CLOCK.instant(), CLOCK.instant().plusSeconds(600));
    }

    /** A JDK WebSocket client that queues every text frame as JSON. */
    static final class Client implements WebSocket.Listener, AutoCloseable {

        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Client connect(URI uri, Map<String, String> headers) throws Exception {
            Client client = new Client();
            WebSocket.Builder builder = HTTP.newWebSocketBuilder();
            headers.forEach(builder::header);
            client.socket = builder.buildAsync(uri, client).get(20, TimeUnit.SECONDS);
            return client;
        }

        /** The next frame of this type, skipping others (e.g. status pushes). */
        JsonNode next(String type) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(200, TimeUnit.MILLISECONDS);
                if (frame != null && frame.path("type").asString().equals(type)) {
                    return frame;
                }
            }
            throw new AssertionError("no " + type + " frame within " + WAIT + "; left: " + List.copyOf(frames));
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            if (socket != null && !socket.isOutputClosed()) {
                try {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    socket.abort();
                }
            }
        }
    }
}
