package io.parley.ingest.links;

import io.parley.ingest.ChannelIngestSettings;
import io.parley.ingest.web.WebEntryPoints;
import io.parley.ingest.web.WebLink;
import io.parley.kit.web.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /c/{linkId}}: the chat page a web link or its QR code opens: the link's title and a Chat button
 * that opens the visitor widget (the gateway's {@code /widget/widget.js} module, configured by data attributes
 * so a strict Content-Security-Policy allows no inline script) straight on the link's tag; and
 * {@code GET /api/links/{linkId}/qr.png}: the QR code of the link's public address.
 */
@RestController
class LinkController {

    private static final String POLICY = "default-src 'self'; script-src 'self'; connect-src 'self' ws: wss:; "
            + "img-src 'self' data: https:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final WebEntryPoints web;
    private final ChannelIngestSettings settings;

    LinkController(WebEntryPoints web, ChannelIngestSettings settings) {
        this.web = web;
        this.settings = settings;
    }

    @GetMapping("/c/{linkId}")
    ResponseEntity<String> chatPage(@PathVariable String linkId) {
        return web.link(linkId)
                .map(link -> page(HttpStatus.OK, ChatPage.of(link)))
                .orElseGet(() -> page(HttpStatus.NOT_FOUND, ChatPage.notFound()));
    }

    @GetMapping("/api/links/{linkId}/qr.png")
    ResponseEntity<byte[]> qrCode(@PathVariable String linkId) {
        WebLink link = web.link(linkId).orElseThrow(() -> Problem.notFound("link.not-found", "No such web link"));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(QrCodes.png(settings.chatPageUrl(link.id())));
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html);
    }

    /** The two pages, with every value from the store HTML-escaped. */
    static final class ChatPage {

        private ChatPage() {}

        static String of(WebLink link) {
            return """
                    <!doctype html>
                    <html lang="en">
                    <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%1$s</title>
                    <link rel="stylesheet" href="/c/assets/link.css">
                    <script type="module" src="/widget/widget.js" data-widget="%3$s" data-link="%2$s" \
                    data-title="%1$s" data-launcher="#chat-open"></script>
                    </head>
                    <body>
                    <main>
                    <h1>%1$s</h1>
                    <p>Ask us anything: a member of our team answers here.</p>
                    <button type="button" id="chat-open">Chat</button>
                    </main>
                    </body>
                    </html>
                    """.formatted(escape(link.title()), escape(link.id()), escape(link.widgetId()));
        }

        private static String escape(String value) {
            return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
        }

        static String notFound() {
            return """
                    <!doctype html>
                    <html lang="en">
                    <head><meta charset="utf-8"><title>Link not found</title></head>
                    <body><main><h1>This chat link does not exist</h1>
                    <p>It may have been removed. Please contact the business another way.</p></main></body>
                    </html>
                    """;
        }
    }
}
