package io.parley.ingest.wechat;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WeChat connector ({@code parley.channel-ingest.wechat.*}).
 *
 * @param apiBaseUrl the Official Account API host for accounts that do not name their own {@code
 *     platformBaseUrl}
 * @param tokenRefreshMargin how long before its expiry an access token is replaced (WeChat issues them for
 *     7200 s)
 * @param profileLifetime how long a customer's fetched nickname and photo are used before asking again
 * @param enrichmentBudget how long a webhook may spend fetching the customer's profile and media before it
 *     publishes without them: WeChat gives up on an answer after 5 s
 */
@ConfigurationProperties("parley.channel-ingest.wechat")
public record WeChatSettings(
        @DefaultValue("https://api.weixin.qq.com") URI apiBaseUrl,
        @DefaultValue("5m") Duration tokenRefreshMargin,
        @DefaultValue("24h") Duration profileLifetime,
        @DefaultValue("3s") Duration enrichmentBudget) {}
