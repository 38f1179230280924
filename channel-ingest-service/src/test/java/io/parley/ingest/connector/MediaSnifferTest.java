package io.parley.ingest.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaSnifferTest {

    @Test
    void anImageIsKeptWithTheTypeItsBytesShow() {
        assertThat(MediaSniffer.keptType("image/*", MediaSamples.png(32), "application/octet-stream"))
                .isEqualTo("image/png");
        assertThat(MediaSniffer.keptType("image/png", MediaSamples.jpeg(32), "image/png"))
                .isEqualTo("image/jpeg");
    }

    @Test
    void somethingSentAsAnImageThatIsNotOneIsRefused() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(MediaSniffer.keptType("image/*", html, "image/png")).isNull();
        assertThat(MediaSniffer.keptType("video/*", MediaSamples.png(32), "video/mp4"))
                .isNull();
    }

    @Test
    void aFileOfUnknownBytesTakesTheAnswersTypeOnlyWhenItIsOfTheDeclaredKind() {
        byte[] unknown = "just some bytes".getBytes(StandardCharsets.UTF_8);

        assertThat(MediaSniffer.keptType("application/octet-stream", unknown, "text/plain; charset=utf-8"))
                .isEqualTo("text/plain");
        assertThat(MediaSniffer.keptType("audio/*", unknown, "text/html")).isEqualTo("application/octet-stream");
        assertThat(MediaSniffer.keptType("audio/aac", unknown, null)).isEqualTo("audio/aac");
    }

    @Test
    void commonFormatsAreRecognised() {
        assertThat(MediaSniffer.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(MediaSniffer.sniff("OggS\0\2".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("audio/ogg");
        assertThat(MediaSniffer.sniff("\0\0\0\u0018ftypisom".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("video/mp4");
        assertThat(MediaSniffer.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("image/webp");
        assertThat(MediaSniffer.sniff(new byte[] {1, 2, 3})).isNull();
    }
}
