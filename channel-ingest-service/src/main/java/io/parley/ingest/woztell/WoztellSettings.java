package io.parley.ingest.woztell;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WOZTELL connector ({@code parley.channel-ingest.woztell.*}).
 *
 * @param apiBaseUrl the Bot API host for accounts that do not name their own {@code platformBaseUrl}
 *     (unconfirmed against WOZTELL's own page: keep it a setting)
 */
@ConfigurationProperties("parley.channel-ingest.woztell")
public record WoztellSettings(
        @DefaultValue("https://bot.api.woztell.com") URI apiBaseUrl) {}
