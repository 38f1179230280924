package io.parley.ingest.links;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.parley.ingest.RunningIngest;
import io.parley.ingest.web.WebLink;
import io.parley.ingest.web.Widget;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code /c/{linkId}} and {@code /api/links/{linkId}/qr.png}: the chat page of a web link and its QR code. */
class WebLinkPageIT extends RunningIngest {

    @Test
    void theChatPageShowsTheLinksTitleEscapedAndLoadsTheWidgetOnTheLinkWithoutInlineScript() {
        String tag = givenTag("Support");
        Widget widget = givenWidget(List.of(), false, null);
        WebLink link = givenLink(widget.id(), tag, "Help <script>alert('x')</script> & \"more\"");

        HttpResponse<String> page = get("/c/" + link.id(), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String escapedTitle = "Help &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;";
        String widgetTag = "<script type=\"module\" src=\"/widget/widget.js\" data-widget=\"" + widget.id()
                + "\" data-link=\"" + link.id() + "\" data-title=\"" + escapedTitle
                + "\" data-launcher=\"#chat-open\"></script>";
        assertThat(page.body())
                .contains("<h1>" + escapedTitle + "</h1>")
                .doesNotContain("<script>alert")
                .contains(widgetTag)
                .contains("<button type=\"button\" id=\"chat-open\">Chat</button>");
        assertThat(page.body().replace(widgetTag, "")).doesNotContain("<script");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        p -> assertThat(p).contains("script-src 'self';").doesNotContain("unsafe-inline"));
        assertThat(get("/c/assets/link.css", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownLinkGetsANotFoundPage() {
        HttpResponse<String> page = get("/c/" + fresh("missing"), null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("does not exist");
    }

    @Test
    void theQrCodeDecodesToTheLinksPublicAddress() throws Exception {
        String tag = givenTag("Support");
        Widget widget = givenWidget(List.of(), false, null);
        WebLink link = givenLink(widget.id(), tag, "Scan me");

        HttpResponse<byte[]> png = HTTP.send(
                HttpRequest.newBuilder(uri("/api/links/" + link.id() + "/qr.png"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertThat(decoded).isEqualTo("https://chat.example.test/c/" + link.id());
    }

    @Test
    void theQrCodeOfAnUnknownLinkIsNotFound() {
        HttpResponse<String> answer = get("/api/links/" + fresh("missing") + "/qr.png", null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(code(answer)).isEqualTo("link.not-found");
    }
}
