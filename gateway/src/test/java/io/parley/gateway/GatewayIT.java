package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.parley.embedded.FreePorts;
import io.parley.security.LocalJwks;
import io.parley.security.StaffPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of five fake services (JDK HTTP servers, each with a separate management server):
 * which path reaches which service, what is retried, the fallbacks, and the suite's health.
 */
class GatewayIT {

    private static final List<String> SERVICES =
            List.of("channel-ingest", "routing", "enquiry", "chatroom", "presence");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final LocalJwks JWKS = LocalJwks.start();
    private static final String TOKEN = JWKS.token("staff-gateway", "STAFF");

    private static final Map<String, FakeServer> upstreams = new LinkedHashMap<>();
    private static final Map<String, FakeServer> managements = new LinkedHashMap<>();
    private static @Nullable ConfigurableApplicationContext gateway;
    private static int gatewayPort;
    private static int managementPort;

    @BeforeAll
    static void startUpstreamsAndGateway() {
        List<String> args = new ArrayList<>();
        managementPort = freePort();
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        args.add("--management.server.port=" + managementPort);
        args.add("--management.server.address=127.0.0.1");
        args.add("--parley.auth.jwks-uri=" + JWKS.uri());
        for (String service : SERVICES) {
            FakeServer upstream = FakeServer.start(request -> service(service, request));
            FakeServer management = FakeServer.start(GatewayIT::managementUp);
            upstreams.put(service, upstream);
            managements.put(service, management);
            args.add("--parley.gateway." + service + ".uri=" + upstream.uri());
            args.add("--parley.gateway." + service + ".management-uri=" + management.uri());
        }
        gateway = GatewayApplication.application().run(args.toArray(String[]::new));
        gatewayPort = gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stopGatewayAndUpstreams() {
        if (gateway != null) {
            gateway.close();
        }
        upstreams.values().forEach(FakeServer::close);
        managements.values().forEach(FakeServer::close);
        JWKS.close();
    }

    @Test
    void enquiryListReachesTheEnquiryServiceWithPathAndQueryIntact() throws Exception {
        HttpResponse<byte[]> response = get("/api/enquiries?state=MISSED");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("service").asString()).isEqualTo("enquiry");
        assertThat(upstream("enquiry").requestsTo("/api/enquiries"))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.method()).isEqualTo("GET");
                    assertThat(request.query()).isEqualTo("state=MISSED");
                });
    }

    @Test
    void openEnquiryOffersReachPresenceNotEnquiry() throws Exception {
        HttpResponse<byte[]> response = get("/api/enquiries/offers");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("service").asString()).isEqualTo("presence");
        assertThat(upstream("presence").requestsTo("/api/enquiries/offers")).hasSize(1);
        assertThat(upstream("enquiry").requestsTo("/api/enquiries/offers")).isEmpty();
    }

    @Test
    void webhookReachesChannelIngestWithItsRawBodyBytesUnchanged() throws Exception {
        String path = "/webhooks/line/x";
        // A signed webhook: spacing, escapes, non-ASCII and a trailing newline must all survive byte for byte.
        byte[] body = ("{ \"events\" :[{\"text\":\"Hello \\u00e9 \u4f60\u597d \ud83d\ude00\",  \"n\": 1.50 }]}\r\n")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(gatewayUri(path))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Line-Signature", "c2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream("channel-ingest").requestsTo(path)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo(body);
            assertThat(request.header("X-Line-Signature")).isEqualTo("c2lnbmF0dXJl");
        });
    }

    @Test
    void aBurstOfWebhooksToASlowServiceIsPassedOnNotRefused() {
        // More at once than Spring Cloud CircuitBreaker's default bulkhead (25 per service) lets through.
        List<CompletableFuture<HttpResponse<byte[]>>> calls = IntStream.range(0, 60)
                .mapToObj(i -> HTTP.sendAsync(
                        HttpRequest.newBuilder(gatewayUri("/webhooks/third-party/slow-" + i))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray()))
                .toList();

        assertThat(calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                .containsOnly(200);
        assertThat(upstream("channel-ingest").requestsTo("/webhooks/third-party/slow-59"))
                .hasSize(1);
    }

    @Test
    void roomMessagesReachChatroom() throws Exception {
        HttpResponse<byte[]> response = get("/api/rooms/r1/messages");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("service").asString()).isEqualTo("chatroom");
        assertThat(upstream("chatroom").requestsTo("/api/rooms/r1/messages")).hasSize(1);
    }

    @Test
    void tagAdministrationReachesRouting() throws Exception {
        HttpResponse<byte[]> response = get("/api/admin/tags/t");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("service").asString()).isEqualTo("routing");
        assertThat(upstream("routing").requestsTo("/api/admin/tags/t")).hasSize(1);
    }

    @Test
    void getAnsweredUnavailableIsRetriedTwice() throws Exception {
        String path = "/api/admin/tags/unavailable-" + UUID.randomUUID();

        HttpResponse<byte[]> response = get(path);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(upstream("routing").requestsTo(path)).hasSize(3);
    }

    @Test
    void postAnsweredUnavailableIsNotRetried() throws Exception {
        String path = "/api/admin/tags/unavailable-" + UUID.randomUUID();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(gatewayUri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"vip\"}")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(upstream("routing").requestsTo(path))
                .singleElement()
                .satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
    }

    @Test
    void theFallbackNeverEchoesAnUnknownPathIntoItsAnswer() throws Exception {
        HttpResponse<byte[]> response = get("/fallback/%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode problem = json(response);
        assertThat(problem.path("code").asString()).isEqualTo("gateway.unavailable");
        assertThat(problem.path("title").asString()).doesNotContain("script");
        assertThat(problem.has("service")).isFalse();
    }

    @Test
    void unreachableServiceAnswers503ProblemNamingThePart() throws Exception {
        FakeServer enquiry = upstream("enquiry");
        enquiry.stop();
        try {
            HttpResponse<byte[]> response = get("/api/enquiries/e-" + UUID.randomUUID());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json(response);
            assertThat(problem.path("code").asString()).isEqualTo("gateway.enquiry-unavailable");
            assertThat(problem.path("title").asString()).contains("Enquiries");
            // The operator sees why: the fallback is counted by service and cause.
            HttpResponse<byte[]> metrics = send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")));
            assertThat(new String(metrics.body(), StandardCharsets.UTF_8))
                    .containsPattern("parley_gateway_fallbacks_total\\{cause=\"connect\",.*service=\"enquiry\"");
        } finally {
            enquiry.restart();
        }
    }

    @Test
    void publicHealthIsUpWithEveryServiceWhenAllAnswerUp() throws Exception {
        HttpResponse<byte[]> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(statuses(health.path("services")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "channel-ingest-service", "UP",
                        "routing-service", "UP",
                        "enquiry-service", "UP",
                        "chatroom-service", "UP",
                        "presence-service", "UP"));
    }

    @Test
    void publicHealthIs503AndNamesTheServiceWhoseManagementPortIsDown() throws Exception {
        FakeServer chatroomManagement = managements.get("chatroom");
        chatroomManagement.stop();
        try {
            HttpResponse<byte[]> response = get("/actuator/health");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode health = json(response);
            assertThat(health.path("status").asString()).isEqualTo("DOWN");
            Map<String, String> services = statuses(health.path("services"));
            assertThat(services.get("chatroom-service")).isIn("UNREACHABLE", "DOWN");
            assertThat(services)
                    .containsEntry("channel-ingest-service", "UP")
                    .containsEntry("routing-service", "UP")
                    .containsEntry("enquiry-service", "UP")
                    .containsEntry("presence-service", "UP");
        } finally {
            chatroomManagement.restart();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/actuator/health").statusCode() == 200);
    }

    @Test
    void prometheusIsServedOnTheManagementPortOnly() throws Exception {
        HttpResponse<byte[]> publicPort = get("/actuator/prometheus");
        HttpResponse<byte[]> management =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")));

        assertThat(publicPort.statusCode()).isEqualTo(404);
        assertThat(new String(publicPort.body(), StandardCharsets.UTF_8)).doesNotContain("# HELP");
        assertThat(management.statusCode()).isEqualTo(200);
        assertThat(new String(management.body(), StandardCharsets.UTF_8)).contains("# HELP", "jvm_");
    }

    // --- staff authentication ------------------------------------------------------------------------------

    @Test
    void staffApiWithoutATokenIs401AndNeverReachesTheService() throws Exception {
        String path = "/api/rooms/r-" + UUID.randomUUID();

        HttpResponse<byte[]> response = anonymousGet(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("code").asString()).isEqualTo("auth.required");
        assertThat(upstream("chatroom").requestsTo(path)).isEmpty();
    }

    @Test
    void staffApiWithAnInvalidTokenIs401InvalidToken() throws Exception {
        String path = "/api/rooms/r-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        String expired = JWKS.token(
                new StaffPrincipal("staff-old", "Old", Set.of("STAFF"), "s-old"),
                longAgo,
                longAgo.plus(Duration.ofMinutes(30)));

        for (String token : List.of("forged", expired)) {
            HttpResponse<byte[]> response =
                    send(HttpRequest.newBuilder(gatewayUri(path)).header("Authorization", "Bearer " + token));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).path("code").asString()).isEqualTo("auth.invalid-token");
        }
        assertThat(upstream("chatroom").requestsTo(path)).isEmpty();
    }

    @Test
    void sessionCookieAuthenticatesLikeTheBearerHeader() throws Exception {
        HttpResponse<byte[]> response = send(
                HttpRequest.newBuilder(gatewayUri("/api/presence/me")).header("Cookie", "parley_session=" + TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("service").asString()).isEqualTo("presence");
    }

    @Test
    void agentSocketPathNeedsATokenTooButTheVisitorSocketDoesNot() throws Exception {
        HttpResponse<byte[]> agent = anonymousGet("/ws/agent");
        HttpResponse<byte[]> agentWithToken = anonymousGet("/ws/agent?access_token=" + TOKEN);
        HttpResponse<byte[]> visitor = anonymousGet("/ws/visitor/v1");

        assertThat(agent.statusCode()).isEqualTo(401);
        assertThat(agentWithToken.statusCode()).isEqualTo(200);
        assertThat(visitor.statusCode()).isEqualTo(200);
    }

    @Test
    void loginKeySetVisitorPathsAndWebhooksNeedNoToken() throws Exception {
        List<String> paths = List.of(
                "/api/auth/jwks", "/api/widget/demo", "/api/visitor/messages", "/api/links/demo-link/qr.png", "/c/x");
        for (String path : paths) {
            assertThat(anonymousGet(path).statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<byte[]> login = send(HttpRequest.newBuilder(gatewayUri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json(login).path("service").asString()).isEqualTo("presence");
    }

    @Test
    void staffHeadersFromOutsideAreDroppedAndTheVerifiedStaffIdIsPassedOn() throws Exception {
        String staffPath = "/api/rooms/r-" + UUID.randomUUID();
        String publicPath = "/api/widget/w-" + UUID.randomUUID();

        send(HttpRequest.newBuilder(gatewayUri(staffPath))
                .header("Authorization", "Bearer " + TOKEN)
                .header("X-Parley-Staff-Id", "staff-admin")
                .header("X-Parley-Staff-Roles", "ADMIN"));
        send(HttpRequest.newBuilder(gatewayUri(publicPath)).header("X-Parley-Staff-Id", "staff-admin"));

        assertThat(upstream("chatroom").requestsTo(staffPath)).singleElement().satisfies(request -> {
            assertThat(request.header("X-Parley-Staff-Id")).isEqualTo("staff-gateway");
            assertThat(request.header("X-Parley-Staff-Roles")).isNull();
        });
        assertThat(upstream("channel-ingest").requestsTo(publicPath))
                .singleElement()
                .satisfies(request ->
                        assertThat(request.header("X-Parley-Staff-Id")).isNull());
    }

    // --- CSRF (double submit) ------------------------------------------------------------------------------

    @Test
    void aSuccessfulLoginAnswerCarriesAReadableStrictCsrfCookie() throws Exception {
        HttpResponse<byte[]> login = send(HttpRequest.newBuilder(gatewayUri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(csrfCookie(login))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .containsIgnoringCase("SameSite=Strict")
                        .contains("Path=/")
                        .doesNotContainIgnoringCase("HttpOnly")
                        .matches("parley_csrf=[A-Za-z0-9_-]{43};.*"));
    }

    @Test
    void theSiteIconIsServedSoBrowsersLogNo404ForIt() throws Exception {
        HttpResponse<byte[]> icon = anonymousGet("/favicon.ico");

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
    }

    @Test
    void theConsolePageSetsTheCsrfCookieOnlyWhenTheBrowserHasNone() throws Exception {
        HttpResponse<byte[]> first = anonymousGet("/console/");
        HttpResponse<byte[]> again =
                send(HttpRequest.newBuilder(gatewayUri("/console/")).header("Cookie", "parley_csrf=already-there"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(csrfCookie(first)).isPresent();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(csrfCookie(again)).isEmpty();
    }

    @Test
    void aCookieAuthenticatedPostWithoutTheMatchingCsrfHeaderIs403AndNeverReachesTheService() throws Exception {
        String path = "/api/rooms/r-" + UUID.randomUUID() + "/close";
        List<String> headers = List.of("", "wrong-token");
        for (String header : headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUri(path))
                    .header("Cookie", "parley_session=" + TOKEN + "; parley_csrf=the-token")
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (!header.isEmpty()) {
                request.header("X-Parley-CSRF", header);
            }

            HttpResponse<byte[]> response = send(request);

            assertThat(response.statusCode()).as("header '%s'", header).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).path("code").asString()).isEqualTo("auth.csrf");
        }
        HttpResponse<byte[]> noCookie = send(HttpRequest.newBuilder(gatewayUri(path))
                .header("Cookie", "parley_session=" + TOKEN)
                .header("X-Parley-CSRF", "the-token")
                .DELETE());
        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(upstream("chatroom").requestsTo(path)).isEmpty();
    }

    @Test
    void aCookieAuthenticatedWriteWithTheMatchingCsrfHeaderPasses() throws Exception {
        String path = "/api/admin/tags/t-" + UUID.randomUUID();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(gatewayUri(path))
                .header("Cookie", "parley_session=" + TOKEN + "; parley_csrf=the-token")
                .header("X-Parley-CSRF", "the-token")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"vip\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream("routing").requestsTo(path))
                .singleElement()
                .satisfies(request -> assertThat(request.method()).isEqualTo("PUT"));
    }

    @Test
    void bearerRequestsReadsLoginAndVisitorPathsNeedNoCsrfToken() throws Exception {
        String bearerPath = "/api/rooms/r-" + UUID.randomUUID() + "/messages";
        HttpResponse<byte[]> bearer = send(HttpRequest.newBuilder(gatewayUri(bearerPath))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Cookie", "parley_session=" + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")));
        HttpResponse<byte[]> read =
                send(HttpRequest.newBuilder(gatewayUri("/api/rooms")).header("Cookie", "parley_session=" + TOKEN));
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(read.statusCode()).isEqualTo(200);

        for (String path : List.of("/api/auth/login", "/api/widget/demo/conversations", "/api/visitor/messages")) {
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(gatewayUri(path))
                    .header("Cookie", "parley_session=" + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }

    private static Optional<String> csrfCookie(HttpResponse<byte[]> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("parley_csrf="))
                .findFirst();
    }

    // --- the fake services -------------------------------------------------------------------------------

    /**
     * Each fake service answers 503 on paths containing "unavailable", after a second on paths containing
     * "slow", else at once; 200 naming itself and the path.
     */
    private static Reply service(String name, Received request) {
        if (request.path().contains("slow")) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (request.path().contains("unavailable")) {
            return new Reply(503, "application/json", "{\"status\":503}".getBytes(StandardCharsets.UTF_8));
        }
        String body = "{\"service\":\"" + name + "\",\"path\":\"" + request.path() + "\"}";
        return new Reply(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply managementUp(Received request) {
        if (!request.path().equals("/actuator/health")) {
            return new Reply(404, "text/plain", new byte[0]);
        }
        return new Reply(200, "application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static FakeServer upstream(String service) {
        return upstreams.get(service);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static URI gatewayUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gatewayPort + pathAndQuery);
    }

    /** A GET as a logged-in staff member. */
    private static HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gatewayUri(pathAndQuery)).header("Authorization", "Bearer " + TOKEN));
    }

    private static HttpResponse<byte[]> anonymousGet(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gatewayUri(pathAndQuery)));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        return JSON.readTree(response.body());
    }

    private static Map<String, String> statuses(JsonNode services) {
        Map<String, String> statuses = new LinkedHashMap<>();
        services.properties()
                .forEach(entry -> statuses.put(entry.getKey(), entry.getValue().asString()));
        return statuses;
    }

    private static int freePort() {
        return FreePorts.next();
    }

    /** One request as a fake service received it. */
    record Received(
            String method, String path, @Nullable String query, Map<String, List<String>> headers, byte[] body) {

        @Nullable
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** What a fake service answers. */
    record Reply(int status, String contentType, byte[] body) {}

    /** A JDK HTTP server on 127.0.0.1 that records every request; it can be stopped and started again on its port. */
    static final class FakeServer implements AutoCloseable {

        private final Function<Received, Reply> responder;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final int port;
        private @Nullable HttpServer server;

        private FakeServer(Function<Received, Reply> responder, int port) {
            this.responder = responder;
            this.server = bind(port);
            this.port = server.getAddress().getPort();
        }

        static FakeServer start(Function<Received, Reply> responder) {
            return new FakeServer(responder, 0);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + port);
        }

        List<Received> requestsTo(String path) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }

        synchronized void stop() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }

        synchronized void restart() {
            stop();
            server = bind(port);
        }

        @Override
        public void close() {
            stop();
            executor.close();
        }

        private HttpServer bind(int port) {
            try {
                HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                http.setExecutor(executor);
                http.createContext("/", this::handle);
                http.start();
                return http;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                Received request = new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        in.readAllBytes());
                received.add(request);
                Reply reply = responder.apply(request);
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                if (reply.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply.body());
                    }
                }
            }
        }
    }
}
