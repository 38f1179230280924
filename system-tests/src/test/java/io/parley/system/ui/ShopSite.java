package io.parley.system.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * A business's own web site on another origin than Parley's (a JDK HTTP server on another port): one shop page
 * that embeds the widget with the documented script tag, with styles hostile to anything it hosts, and staff
 * photos ({@code /photos/<name>.png}).
 */
final class ShopSite implements AutoCloseable {

    /** Rules that would wreck a widget that was not isolated from the page. */
    private static final String HOSTILE_CSS = "* { color: rgb(255, 0, 0) !important; font-size: 31px !important; }"
            + " parley-widget, .parley-widget, .launcher, .panel, button.tag { display: none !important; }";

    private final HttpServer server;

    private ShopSite(HttpServer server) {
        this.server = server;
    }

    static ShopSite start(String parleyOrigin, String widgetId) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] page = shopPage(parleyOrigin, widgetId).getBytes(StandardCharsets.UTF_8);
            server.createContext("/shop.html", exchange -> reply(exchange, "text/html; charset=utf-8", page));
            server.createContext("/photos/", exchange -> reply(exchange, "image/png", photo()));
            server.start();
            return new ShopSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String page() {
        return origin() + "/shop.html";
    }

    String photo(String name) {
        return origin() + "/photos/" + name + ".png";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String shopPage(String parleyOrigin, String widgetId) {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Another shop</title><style>%s</style></head>
                <body>
                <h1>Another shop</h1>
                <button type="button" class="primary" id="buy">Buy now</button>
                <script type="module" src="%s/widget/widget.js" data-widget="%s"></script>
                </body>
                </html>
                """.formatted(HOSTILE_CSS, parleyOrigin, widgetId);
    }

    private static byte[] photo() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x0F766E));
        graphics.fillRect(0, 0, 64, 64);
        graphics.setColor(Color.WHITE);
        graphics.fillOval(20, 12, 24, 24);
        graphics.fillOval(10, 38, 44, 40);
        graphics.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
