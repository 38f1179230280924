package io.parley.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Meta's X-Hub-Signature-256 over the raw bytes. */
class WebhookSignatureTest {

    private static final byte[] BODY = "{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureMadeWithTheAppSecretMatches() {
        // printf '%s' '{"object":"page"}' | openssl dgst -sha256 -hmac secret
        String header = "sha256=c1456f83e15385a03562cbe2eaaa918ec5e06b4f170f909283a2781c7924e4d1";

        assertThat(WebhookSignature.sign("secret", BODY)).isEqualTo(header);
        assertThat(WebhookSignature.matches("secret", BODY, header)).isTrue();
        assertThat(WebhookSignature.matches("secret", BODY, header.toUpperCase().replace("SHA256=", "sha256=")))
                .isTrue();
    }

    @Test
    void anyChangedByteOrOtherSecretDoesNotMatch() {
        String header = WebhookSignature.sign("secret", BODY);
        byte[] changed = BODY.clone();
        changed[2] ^= 1;

        assertThat(WebhookSignature.matches("secret", changed, header)).isFalse();
        assertThat(WebhookSignature.matches("other", BODY, header)).isFalse();
    }

    @Test
    void missingOrMalformedHeadersDoNotMatch() {
        assertThat(WebhookSignature.matches("secret", BODY, null)).isFalse();
        assertThat(WebhookSignature.matches("secret", BODY, "sha1=abc")).isFalse();
        assertThat(WebhookSignature.matches("secret", BODY, "sha256=xyz")).isFalse();
        assertThat(WebhookSignature.matches("secret", BODY, "sha256=")).isFalse();
    }
}
