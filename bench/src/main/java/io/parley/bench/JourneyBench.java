package io.parley.bench;

import static io.parley.bench.BenchClient.call;

import io.parley.launcher.LaunchOptions;
import io.parley.launcher.PortPlan;
import io.parley.launcher.Suite;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's figures, on the whole suite in this JVM (as {@code ./parley up --demo} runs it), through the
 * gateway: accept → room usable (the accept's answer, then the room's messages readable), staff message →
 * the visitor's socket, and visitor message → the staff member's room socket. One conversation at a time,
 * so the figures are latencies, not queueing. Option: {@code conversations} (200).
 */
final class JourneyBench {

    private static final JsonMapper JSON = BenchClient.JSON;
    private static final Duration FRAME_WAIT = Duration.ofSeconds(30);

    private JourneyBench() {}

    public static void main(String[] args) throws Exception {
        int conversations = Integer.getInteger("conversations", 200);
        Figures figures = new Figures();
        figures.fact("conversations", conversations);
        Path data = Files.createTempDirectory("parley-bench-journey");
        try (Suite suite = Suite.start(new LaunchOptions(data, true, null, null, PortPlan.random(), Map.of()))) {
            String origin = suite.gatewayUrl();
            String alice = BenchClient.signIn(origin, "alice", "parley-alice");
            call(origin, "PUT", "/api/presence/me", alice, "{\"status\":\"ACTIVE\"}");
            BenchClient.Frames staffFrames = new BenchClient.Frames();
            WebSocket roomSocket =
                    BenchClient.socket(origin.replace("http", "ws") + "/ws/rooms?access_token=" + alice, staffFrames);
            for (int i = 0; i < conversations + 10; i++) {
                boolean warmUp = i < 10;
                journey(origin, alice, roomSocket, staffFrames, figures, warmUp, i);
            }
            roomSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
        System.out.println();
        System.out.println("Journey benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "); the first 10 conversations are warm-up");
        System.out.print(figures.table());
        System.out.println("written to " + figures.writeJson("journey"));
        System.exit(0);
    }

    private static void journey(
            String origin,
            String alice,
            WebSocket roomSocket,
            BenchClient.Frames staffFrames,
            Figures figures,
            boolean warmUp,
            int i)
            throws Exception {
        String first = "Question " + i;
        JsonNode started = JSON.readTree(call(
                        origin,
                        "POST",
                        "/api/widget/demo/conversations",
                        null,
                        JSON.writeValueAsString(Map.of(
                                "entry",
                                Map.of("type", "TAG", "id", "support"),
                                "visitor",
                                Map.of("name", "Bench " + i),
                                "text",
                                first)))
                .body());
        String visitorToken = started.path("visitorToken").asString();
        String enquiryId = awaitOffer(origin, alice, first);

        BenchClient.Frames visitorFrames = new BenchClient.Frames();
        WebSocket visitorSocket =
                BenchClient.socket(origin.replace("http", "ws") + "/ws/visitor?token=" + visitorToken, visitorFrames);

        long acceptStart = System.nanoTime();
        String roomId = JSON.readTree(call(origin, "POST", "/api/enquiries/" + enquiryId + "/accept", alice, null)
                        .body())
                .path("roomId")
                .asString();
        long accepted = System.nanoTime();
        HttpResponse<String> messages = call(origin, "GET", "/api/rooms/" + roomId + "/messages?after=0", alice, null);
        long usable = System.nanoTime();
        if (messages.statusCode() != 200 || !messages.body().contains(first)) {
            throw new IllegalStateException("room " + roomId + " not usable: " + messages.body());
        }
        long lastSeq = 0;
        for (JsonNode message : JSON.readTree(messages.body())) {
            lastSeq = Math.max(lastSeq, message.path("seq").asLong());
        }
        roomSocket.sendText(
                JSON.writeValueAsString(Map.of("type", "subscribe", "roomId", roomId, "after", lastSeq)), true);

        String reply = "Answer " + i;
        long replyStart = System.nanoTime();
        call(
                origin,
                "POST",
                "/api/rooms/" + roomId + "/messages",
                alice,
                JSON.writeValueAsString(Map.of("text", reply)));
        visitorFrames.await(
                frame -> reply.equals(frame.path("message").path("text").asString()), FRAME_WAIT);
        long replied = System.nanoTime();

        String followUp = "Thanks " + i;
        long writeStart = System.nanoTime();
        call(origin, "POST", "/api/visitor/messages", visitorToken, JSON.writeValueAsString(Map.of("text", followUp)));
        staffFrames.await(
                frame -> followUp.equals(frame.path("message").path("text").asString()), FRAME_WAIT);
        long received = System.nanoTime();

        if (!warmUp) {
            figures.record("accept -> answer (roomId)", (accepted - acceptStart) / 1000);
            figures.record("accept -> room usable (messages read)", (usable - acceptStart) / 1000);
            figures.record("staff message -> visitor socket", (replied - replyStart) / 1000);
            figures.record("visitor message -> staff room socket", (received - writeStart) / 1000);
        }
        call(origin, "POST", "/api/rooms/" + roomId + "/close", alice, null);
        visitorSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private static String awaitOffer(String origin, String staff, String preview) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < giveUp) {
            for (JsonNode offer : JSON.readTree(
                    call(origin, "GET", "/api/enquiries/offers", staff, null).body())) {
                if (preview.equals(offer.path("preview").asString())) {
                    return offer.path("enquiryId").asString();
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no offer for '" + preview + "'");
    }
}
