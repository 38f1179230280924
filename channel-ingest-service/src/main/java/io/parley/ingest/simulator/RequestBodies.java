package io.parley.ingest.simulator;

import io.parley.ingest.connector.PlatformHttp;
import io.parley.kit.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies of the simulator's endpoints, read only up to a limit ({@code 413 simulator.invalid} as soon
 * as a body is known to be larger), as raw bytes (a signature covers them) or as JSON.
 */
final class RequestBodies {

    static final int MAX = 64 * 1024;

    private RequestBodies() {}

    static byte[] raw(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX + 1);
            if (body.length > MAX) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw CustomerSide.invalid("The body could not be read");
        }
    }

    /** The body as JSON; a missing node when it is not JSON. */
    static JsonNode json(byte[] body) {
        return PlatformHttp.tree(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpServletRequest request) {
        return json(raw(request));
    }

    private static Problem tooLarge() {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "simulator.invalid", "The body is larger than 64 KiB");
    }
}
