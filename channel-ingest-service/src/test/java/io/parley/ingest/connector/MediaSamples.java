package io.parley.ingest.connector;

import io.parley.ingest.media.MediaStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** Sample media files for the connectors' tests, and reading a kept file back as staff do. */
public final class MediaSamples {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MediaSamples() {}

    /** The start of a PNG file (its signature and header chunk), then filler: what the type check looks at. */
    public static byte[] png(int size) {
        byte[] bytes = filled(size);
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** The start of a JPEG file, then filler. */
    public static byte[] jpeg(int size) {
        byte[] bytes = filled(size);
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /**
     * The bytes {@code GET /api/attachments/{id}} serves a staff member for a kept file's reference or path.
     *
     * @param service the service's origin, e.g. {@code http://127.0.0.1:8081}
     */
    public static HttpResponse<byte[]> download(URI service, String refOrPath, String staffToken) {
        String id = MediaStore.idOf(refOrPath).orElse(refOrPath.replaceFirst("^/api/attachments/", ""));
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(service.resolve("/api/attachments/" + id))
                            .header("Authorization", "Bearer " + staffToken)
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 0x5A);
        return bytes;
    }
}
