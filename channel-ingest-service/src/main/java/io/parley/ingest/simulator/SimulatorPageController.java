package io.parley.ingest.simulator;

import io.parley.kit.web.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's page: {@code GET /simulator} redirects to {@code /simulator/}, which is the page (its
 * script and style are files under {@code /simulator/assets/}, so the strict Content-Security-Policy of the
 * chat pages allows no inline script or style). The files are this module's resources under {@code
 * simulator/}, not Spring's static folder, so that outside demo mode they are not served at all.
 */
@RestController
class SimulatorPageController {

    private static final String POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Map<String, MediaType> ASSETS = Map.of(
            "simulator.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "simulator.css", new MediaType("text", "css", StandardCharsets.UTF_8));

    private final byte[] page = resource("index.html");
    private final Map<String, byte[]> assets = Map.of(
            "simulator.js", resource("simulator.js"),
            "simulator.css", resource("simulator.css"));

    @GetMapping("/simulator")
    ResponseEntity<Void> redirect() {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create("/simulator/"))
                .build();
    }

    @GetMapping("/simulator/")
    ResponseEntity<byte[]> page() {
        return strict(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), page);
    }

    @GetMapping("/simulator/assets/{name}")
    ResponseEntity<byte[]> asset(@PathVariable String name) {
        MediaType type = ASSETS.get(name);
        if (type == null) {
            throw Problem.notFound("simulator.not-found", "No such simulator file");
        }
        return strict(type, assets.get(name));
    }

    private static ResponseEntity<byte[]> strict(MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = new ClassPathResource("simulator/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The simulator's " + name + " is missing from the build", e);
        }
    }
}
