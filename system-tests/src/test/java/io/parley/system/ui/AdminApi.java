package io.parley.system.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the browser tests set up or check behind the screens, through the gateway's API (mostly as the demo admin). */
final class AdminApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;
    private final String token;

    private AdminApi(String origin, String token) {
        this.origin = origin;
        this.token = token;
    }

    /** Signs in as the demo admin. */
    static AdminApi signIn(String origin) {
        AdminApi anonymous = new AdminApi(origin, "");
        JsonNode login = anonymous.send(
                "POST", "/api/auth/login", "{\"username\":\"admin\",\"password\":\"parley-admin\"}", 200);
        return new AdminApi(origin, login.path("token").asString());
    }

    /** Gives a staff member (by username) a photo, keeping the rest of the account. */
    void setPhoto(String username, String photoUrl) {
        JsonNode staff = StreamSupport.stream(
                        send("GET", "/api/admin/staff", null, 200).spliterator(), false)
                .filter(s -> s.path("username").asString().equals(username))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no staff member " + username));
        ObjectNode update = JSON.createObjectNode();
        update.put("name", staff.path("name").asString());
        update.put("photoUrl", photoUrl);
        update.set("roles", staff.path("roles"));
        update.put("maxConcurrentChats", staff.path("maxConcurrentChats").asInt());
        send("PUT", "/api/admin/staff/" + staff.path("id").asString(), JSON.writeValueAsString(update), 200);
    }

    /** A staff member sets their own status (signing in as them). */
    void setStatus(String username, String password, String status) {
        JsonNode login = send(
                "POST",
                "/api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
                200);
        new AdminApi(origin, login.path("token").asString())
                .send("PUT", "/api/presence/me", "{\"status\":\"" + status + "\"}", 200);
    }

    /** The widget's public directory, as the widget reads it. */
    JsonNode widget(String widgetId) {
        return send("GET", "/api/widget/" + widgetId, null, 200);
    }

    /** The web enquiry whose preview (the visitor's first message) is this text, or a missing node. */
    JsonNode webEnquiry(String preview) {
        JsonNode page = send("GET", "/api/enquiries?channel=WEB&size=100", null, 200);
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(enquiry -> enquiry.path("preview").asString().equals(preview))
                .findFirst()
                .orElse(JSON.missingNode());
    }

    private JsonNode send(String method, String path, @Nullable String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
