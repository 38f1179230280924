package io.parley.ingest.visitor.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which page origins may open {@code /ws/visitor}: the widget's sites and the public origin of the link pages. */
class VisitorHandshakeTest {

    @Test
    void theWidgetSitesAndThePublicOriginMayConnect() {
        assertThat(VisitorHandshake.allowedOrigins(
                        List.of("https://shop.example", " https://*.partner.example ", ""),
                        URI.create("https://chat.example:8443/base/")))
                .containsExactly("https://shop.example", "https://*.partner.example", "https://chat.example:8443");
    }

    @Test
    void theDefaultAdmitsAnySite() {
        assertThat(VisitorHandshake.allowedOrigins(List.of("*"), URI.create("http://localhost:8080")))
                .containsExactly("*", "http://localhost:8080");
    }
}
