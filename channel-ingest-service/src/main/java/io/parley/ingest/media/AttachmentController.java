package io.parley.ingest.media;

import io.parley.kit.web.Problem;
import io.parley.security.StaffPrincipal;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/attachments/{id}}: a customer's file, for any signed-in staff member. Always a download with a sandboxing
 * policy, so a file that claims to be HTML or SVG cannot run script in the console's origin.
 */
@RestController
class AttachmentController {

    private final MediaStore media;

    AttachmentController(MediaStore media) {
        this.media = media;
    }

    @GetMapping("/api/attachments/{id}")
    ResponseEntity<byte[]> attachment(StaffPrincipal caller, @PathVariable String id) {
        StoredMedia file =
                media.byId(id).orElseThrow(() -> Problem.notFound("attachment.not-found", "No such attachment"));
        return ResponseEntity.ok()
                .contentType(safeType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName() == null ? id : file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.bytes().getData());
    }

    private static MediaType safeType(String mediaType) {
        try {
            return MediaType.parseMediaType(mediaType);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
