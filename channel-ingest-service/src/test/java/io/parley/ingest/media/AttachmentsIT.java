package io.parley.ingest.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.events.AttachmentRef;
import io.parley.ingest.RunningIngest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Customers' files: kept once, served to signed-in staff as a sandboxed download, refused when too large. */
class AttachmentsIT extends RunningIngest {

    @Autowired
    MediaStore media;

    @Test
    void aKeptFileIsServedToStaffAsASandboxedDownload() throws Exception {
        byte[] html = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        AttachmentRef ref = media.store(html, "text/html", "invoice.html");
        String id = MediaStore.idOf(ref.ref()).orElseThrow();

        HttpResponse<byte[]> download = HTTP.send(
                HttpRequest.newBuilder(uri("/api/attachments/" + id))
                        .header("Authorization", "Bearer " + JWKS.token("staff-1", "STAFF"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(ref.sizeBytes()).isEqualTo(html.length);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(html);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("invoice.html");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("sandbox");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void strangersAndUnknownIdsGetNothing() {
        AttachmentRef ref = media.store(new byte[] {1, 2, 3}, "image/png", null);
        String id = MediaStore.idOf(ref.ref()).orElseThrow();

        assertThat(get("/api/attachments/" + id, null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = get("/api/attachments/no-such-file", JWKS.token("staff-1", "STAFF"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("attachment.not-found");
    }

    @Test
    void aFileOverTheLimitIsNotKept() {
        byte[] tooLarge = new byte[(int) media.maxBytes() + 1];

        assertThatThrownBy(() -> media.store(tooLarge, "video/mp4", "big.mp4"))
                .isInstanceOf(MediaTooLargeException.class);
    }
}
