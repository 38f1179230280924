package io.parley.ingest.connector;

import io.parley.kit.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A webhook's raw body, as its signature covers it: refused with {@code 413 webhook.too-large} as soon as it
 * is known to exceed the limit (by its Content-Length, unread, or after one byte past the limit).
 */
@Component
public class RawBodies {

    private final ConnectorSettings settings;

    RawBodies(ConnectorSettings settings) {
        this.settings = settings;
    }

    public byte[] read(HttpServletRequest request) {
        long max = settings.maxWebhookBody().toBytes();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        } catch (IOException e) {
            throw Problem.badRequest("webhook.malformed", "The body could not be read");
        }
    }

    private static Problem tooLarge(long max) {
        return new Problem(
                HttpStatus.CONTENT_TOO_LARGE, "webhook.too-large", "The body is larger than " + max + " bytes");
    }
}
