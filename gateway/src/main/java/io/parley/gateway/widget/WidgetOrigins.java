package io.parley.gateway.widget;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sites that may embed the visitor widget ({@code parley.widget.allowed-origins}, e.g.
 * {@code PARLEY_WIDGET_ALLOWED_ORIGINS=https://shop.example,https://*.shop.example}). channel-ingest-service
 * reads the same setting for the {@code /ws/visitor} socket, so one list governs both.
 *
 * <p>The default {@code *} lets any site embed the widget. That is safe because the visitor's credential is a
 * bearer token the widget holds itself, never a cookie: a foreign page's request carries nothing a browser
 * would add on its own, so allowing its origin gives it nothing it could not get with curl. The list narrows
 * which sites' pages a browser lets run the widget.
 *
 * @param allowedOrigins origins ({@code scheme://host[:port]}), each possibly with {@code *} wildcards
 */
@ConfigurationProperties("parley.widget")
public record WidgetOrigins(@DefaultValue("*") List<String> allowedOrigins) {

    public WidgetOrigins {
        allowedOrigins = allowedOrigins.stream()
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .toList();
    }
}
