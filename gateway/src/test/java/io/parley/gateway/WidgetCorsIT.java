package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.GatewayIT.FakeServer;
import io.parley.gateway.GatewayIT.Reply;
import io.parley.security.LocalJwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The widget on another site's page, as the browser checks it (CORS), through the gateway in front of fake
 * services: two gateways, one with the default (any site) and one with an allow-list of sites. Staff APIs
 * never answer a foreign origin with CORS headers.
 */
@TestInstance(Lifecycle.PER_CLASS)
class WidgetCorsIT {

    private static final String SHOP = "https://shop.example";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final LocalJwks jwks = LocalJwks.start();
    private final String staffToken = jwks.token("staff-cors", "STAFF");
    private final Map<String, FakeServer> services = new LinkedHashMap<>();
    private final List<ConfigurableApplicationContext> gateways = new ArrayList<>();
    private int anySite;
    private int listedSites;

    @BeforeAll
    void start() {
        for (String service : List.of("channel-ingest", "routing", "enquiry", "chatroom", "presence")) {
            services.put(service, FakeServer.start(request -> json("{\"service\":\"" + service + "\"}")));
        }
        anySite = startGateway();
        listedSites = startGateway("--parley.widget.allowed-origins=" + SHOP + ", https://*.partner.example");
    }

    @AfterAll
    void stop() {
        gateways.forEach(ConfigurableApplicationContext::close);
        services.values().forEach(FakeServer::close);
        jwks.close();
    }

    @Test
    void byDefaultAnySiteMayCallTheVisitorApiWithItsBearerTokenButNoCredentials() throws Exception {
        HttpResponse<String> preflight =
                preflight(anySite, "/api/visitor/messages", "https://any.site.example", "POST");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isIn("*", "https://any.site.example");
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization")
                .contains("content-type");
        assertThat(header(preflight, "Access-Control-Allow-Credentials")).isNull();
        assertThat(services.get("channel-ingest").requestsTo("/api/visitor/messages"))
                .as("the preflight is answered by the gateway")
                .isEmpty();
    }

    @Test
    void aListedSiteGetsTheWidgetsModuleAndItsApiAnswersReadableCrossOrigin() throws Exception {
        HttpResponse<String> module = get(listedSites, "/widget/widget.js", SHOP, null);
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(header(module, "Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(module.body()).contains("import.meta.url");

        HttpResponse<String> directory = get(listedSites, "/api/widget/demo", SHOP, null);
        assertThat(directory.statusCode()).isEqualTo(200);
        assertThat(directory.body()).contains("channel-ingest");
        assertThat(header(directory, "Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(header(directory, "Vary")).contains("Origin");

        HttpResponse<String> wildcard =
                preflight(listedSites, "/api/widget/demo/conversations", "https://eu.partner.example", "POST");
        assertThat(wildcard.statusCode()).isEqualTo(200);
        assertThat(header(wildcard, "Access-Control-Allow-Origin")).isEqualTo("https://eu.partner.example");
    }

    @Test
    void aSiteOffTheListIsRefusedAndReachesNoService() throws Exception {
        HttpResponse<String> preflight =
                preflight(listedSites, "/api/visitor/messages", "https://evil.example", "POST");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isNull();

        HttpResponse<String> read = get(listedSites, "/api/widget/refused-widget", "https://evil.example", null);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(header(read, "Access-Control-Allow-Origin")).isNull();
        assertThat(services.get("channel-ingest").requestsTo("/api/widget/refused-widget"))
                .isEmpty();
    }

    @Test
    void webLinksAreReadOnlyCrossOrigin() throws Exception {
        assertThat(header(
                        preflight(anySite, "/api/links/demo-link/qr.png", SHOP, "GET"), "Access-Control-Allow-Origin"))
                .isNotNull();
        HttpResponse<String> write = preflight(anySite, "/api/links/demo-link/qr.png", SHOP, "POST");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(header(write, "Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void staffApisGetNoCorsEvenFromAnAllowedSite() throws Exception {
        for (int gateway : List.of(anySite, listedSites)) {
            for (String path : List.of("/api/enquiries", "/api/presence/me", "/api/admin/widgets", "/api/rooms")) {
                HttpResponse<String> preflight = preflight(gateway, path, SHOP, "GET");
                assertThat(header(preflight, "Access-Control-Allow-Origin"))
                        .as("preflight of %s", path)
                        .isNull();
                HttpResponse<String> read = get(gateway, path, SHOP, staffToken);
                assertThat(read.statusCode()).as("GET %s", path).isEqualTo(200);
                assertThat(header(read, "Access-Control-Allow-Origin"))
                        .as("GET %s", path)
                        .isNull();
            }
        }
    }

    private int startGateway(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--management.server.address=127.0.0.1",
                "--parley.auth.jwks-uri=" + jwks.uri()));
        services.forEach((name, server) -> {
            args.add("--parley.gateway." + name + ".uri=" + server.uri());
            args.add("--parley.gateway." + name + ".management-uri=" + server.uri());
        });
        args.addAll(List.of(extra));
        ConfigurableApplicationContext gateway =
                GatewayApplication.application().run(args.toArray(String[]::new));
        gateways.add(gateway);
        return gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static HttpResponse<String> preflight(int port, String path, String origin, String method)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(port, path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type"));
    }

    private static HttpResponse<String> get(int port, String path, String origin, @Nullable String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).header("Origin", origin);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static @Nullable String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static Reply json(String body) {
        return new Reply(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }
}
