package io.parley.ingest.demo;

import io.parley.events.Channel;
import io.parley.events.channel.ChannelAccountPublished.CustomInfoField;
import io.parley.ingest.account.ChannelAccount;
import io.parley.ingest.account.ChannelAccounts;
import io.parley.ingest.web.WebEntryPoints;
import io.parley.ingest.web.WebLink;
import io.parley.ingest.web.Widget;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo channel accounts, widget and web link (API.md, Demo data), for local trials only. Every demo
 * account sends to one base URL: {@code PARLEY_DEMO_PLATFORM_URL} when set, else the built-in simulator.
 * Idempotent: the same ids are written with the same content on every start.
 */
@Component
@ConditionalOnBooleanProperty("parley.demo")
class IngestDemoData implements ApplicationRunner {

    private static final String GREETING = "Thanks for contacting us! A member of our team will be with you shortly.";

    private final ChannelAccounts accounts;
    private final WebEntryPoints web;
    private final Clock clock;
    private final String platformUrl;
    private final boolean mailServer;
    private final int mailSmtpPort;
    private final int mailImapPort;

    IngestDemoData(
            ChannelAccounts accounts,
            WebEntryPoints web,
            Clock clock,
            @Value("${parley.demo-platform-url:http://localhost:8080/simulator}") String platformUrl,
            @Value("${parley.demo-mail.enabled:false}") boolean mailServer,
            @Value("${parley.demo-mail.smtp-port:3025}") int mailSmtpPort,
            @Value("${parley.demo-mail.imap-port:3143}") int mailImapPort) {
        this.accounts = accounts;
        this.web = web;
        this.clock = clock;
        this.platformUrl = platformUrl;
        this.mailServer = mailServer;
        this.mailSmtpPort = mailSmtpPort;
        this.mailImapPort = mailImapPort;
    }

    @Override
    public void run(ApplicationArguments args) {
        account(
                "demo-page",
                Channel.FACEBOOK,
                "Demo page",
                Map.of(
                        "appSecret",
                        "demo-app-secret",
                        "verifyToken",
                        "demo-verify-token",
                        "pageAccessToken",
                        "demo-page-token"));
        account(
                "demo-phone",
                Channel.WHATSAPP,
                "Demo WhatsApp number",
                Map.of(
                        "appSecret",
                        "demo-app-secret",
                        "verifyToken",
                        "demo-verify-token",
                        "accessToken",
                        "demo-wa-token"));
        account(
                "demo-line",
                Channel.LINE,
                "Demo LINE account",
                Map.of("channelSecret", "demo-line-secret", "channelAccessToken", "demo-line-token"));
        account(
                "demo-wechat",
                Channel.WECHAT,
                "Demo WeChat account",
                true,
                Map.of(
                        "token", "demo-wechat-token",
                        "appSecret", "demo-wechat-secret",
                        "encodingAesKey", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"),
                Map.of("appId", "wxdemo0000000000"));
        account(
                "demo-woztell",
                Channel.WOZTELL,
                "Demo WOZTELL channel",
                Map.of("channelSecret", "demo-woztell-secret", "accessToken", "demo-woztell-token"));
        account(
                "demo-api",
                Channel.THIRD_PARTY,
                "Demo third-party system",
                Map.of("secret", "whsec_ZGVtby10aGlyZC1wYXJ0eS1zZWNyZXQh"));
        // The demo mailbox on the local mail server the launcher starts with --demo (plain text: same host);
        // disabled where no such server runs (docker-compose), so nothing tries to read it.
        account(
                "demo-email",
                Channel.EMAIL,
                "Demo support mailbox",
                mailServer,
                Map.of("password", "parley-mail"),
                Map.of(
                        "address", "support@parley.localhost",
                        "imapHost", "127.0.0.1",
                        "imapPort", Integer.toString(mailImapPort),
                        "imapTls", "false",
                        "smtpHost", "127.0.0.1",
                        "smtpPort", Integer.toString(mailSmtpPort),
                        "smtpTls", "false"));
        web.save(new Widget("demo", "Demo widget", List.of("sales", "support"), true, "sales", "Talk to sales"));
        web.save(new WebLink("demo-link", "Demo support link", "support", "demo"));
    }

    private void account(String id, Channel channel, String name, Map<String, String> secrets) {
        account(id, channel, name, true, secrets, Map.of());
    }

    private void account(
            String id,
            Channel channel,
            String name,
            boolean enabled,
            Map<String, String> secrets,
            Map<String, String> settings) {
        accounts.save(new ChannelAccount(
                id,
                channel,
                name,
                enabled,
                secrets,
                settings,
                platformUrl,
                channel == Channel.THIRD_PARTY ? null : GREETING,
                Map.of(),
                List.of(new CustomInfoField("Description", "Demo account for trying Parley locally")),
                clock.instant()));
    }
}
